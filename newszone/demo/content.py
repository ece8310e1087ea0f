"""Demo edition content: original text written for the newszone demo."""

SECTIONS = [
    ("news-zone", "News Zone", "뉴스존", None),
    ("photo-news", "Photo News", "포토뉴스", "news-zone"),
    ("defense-policy", "Defense Policy", "국방정책", None),
    ("military", "Military", "군사", None),
    ("army", "Army", "육군", "military"),
    ("navy", "Navy", "해군", "military"),
    ("air-force", "Air Force", "공군", "military"),
    ("defense-industry", "Defense Industry", "방위산업", None),
    ("international", "International", "국제", None),
    ("opinion", "Opinion", "오피니언", None),
    ("people", "People", "사람들", None),
]

REPORTERS = [
    {
        "slug": "lee-ji-eun",
        "name_ko": "이지은",
        "name_en": "Ji-eun, Lee",
        "email": "jelee@example.com",
        "bio_ko": "공군과 해외 평화유지활동, 장병들의 미담을 취재하는 기자다.",
        "bio_en": (
            "Ji-eun Lee covers the Air Force, overseas peacekeeping missions and the "
            "stories of individual service members."
        ),
    },
    {
        "slug": "park-min-ho",
        "name_ko": "박민호",
        "name_en": "Min-ho, Park",
        "email": "mhpark@example.com",
        "bio_ko": "육군 작전·훈련과 방위사업 분야를 담당하고 있다.",
        "bio_en": (
            "Min-ho Park reports on Army operations and training as well as defense "
            "acquisition."
        ),
    },
    {
        "slug": "kim-seo-yeon",
        "name_ko": "김서연",
        "name_en": "Seo-yeon, Kim",
        "email": "sykim@example.com",
        "bio_ko": "병영 문화와 장병들의 일상을 기록하는 기획취재 기자다.",
        "bio_en": (
            "Seo-yeon Kim writes features on barracks culture and the daily lives of "
            "service members."
        ),
    },
    {
        "slug": "jung-tae-woo",
        "name_ko": "정태우",
        "name_en": "Tae-woo, Jung",
        "email": "twjung@example.com",
        "bio_ko": "해군과 방산 수출 현장을 취재하며 바다와 전시장을 오간다.",
        "bio_en": (
            "Tae-woo Jung covers the Navy and the defense export industry, from the "
            "fleet to the trade-show floor."
        ),
    },
    {
        "slug": "choi-ha-na",
        "name_ko": "최하나",
        "name_en": "Ha-na, Choi",
        "email": "hnchoi@example.com",
        "bio_ko": "전국의 훈련 현장을 카메라에 담는 사진기자다.",
        "bio_en": (
            "Ha-na Choi is a photojournalist who documents training grounds across the "
            "country."
        ),
    },
    {
        "slug": "han-do-yun",
        "name_ko": "한도윤",
        "name_en": "Do-yun, Han",
        "email": "",
        "bio_ko": (
            "예비역 육군 대령 출신 객원 논설위원으로 예비전력과 군 인력 정책에 관한 "
            "칼럼을 쓴다."
        ),
        "bio_en": (
            "Do-yun Han, a retired Army colonel, is a contributing editorial writer on "
            "reserve forces and military manpower policy."
        ),
    },
]

ARTICLES = [
    # defense-policy: midterm-plan
    {
        "key": "demo:midterm-plan-ko",
        "language": "ko",
        "section": "defense-policy",
        "type": "news",
        "headline": (
            "국방부, 향후 5년 국방중기계획 공개…유무인 복합전력·간부 처우 개선에 방점"
        ),
        "alternate_headline": "첨단 전력 확충과 초급간부 주거 개선 함께 추진",
        "deck": (
            "국방부가 향후 5년간의 전력 증강과 군 운영 방향을 담은 국방중기계획을 "
            "공개했다. 유무인 복합전투체계 구축과 초급간부 처우 개선이 핵심 과제로 "
            "제시됐다."
        ),
        "body": [
            "국방부는 이날 서울 용산 국방부 청사에서 정책 설명회를 열고 향후 5년간 "
            "추진할 국방중기계획의 주요 내용을 공개했다. 이번 계획에는 감시정찰 능력 "
            "강화와 유무인 복합전투체계 구축, 장병 복무 여건 개선 등 분야별 과제가 "
            "담겼다.",
            "국방부가 가장 역점을 둔 분야는 유무인 복합전투체계다. 병역자원 감소에 "
            "대응해 경계·정찰 임무에 소형 무인기와 무인수상정을 단계적으로 투입하고, "
            "이를 기존 지휘통제체계와 연동하는 시범 사업을 내년부터 본격화한다는 것이 "
            "국방부의 설명이다.",
            "복무 여건 분야에서는 초급간부의 주거 여건 개선이 눈에 띈다. 노후 간부 "
            "숙소를 1인 1실 기준으로 재건축하고, 격오지 근무자에 대한 수당을 "
            "현실화하는 방안이 포함됐다. 병 생활관의 냉난방 설비 교체와 급식 품질 "
            "개선 예산도 늘어난다.",
            '설명회에 나선 국방부의 한 정책 담당자는 "첨단 전력을 확충하는 '
            '것만큼이나 그 전력을 운용할 사람을 지키는 일이 중요하다"며 "장병들이 '
            '실제로 체감할 수 있는 변화에 예산을 우선 배정했다"고 말했다.',
            "국방부는 관계 부처 협의와 국회 심의를 거쳐 세부 사업계획을 확정할 "
            '예정이다. 국방부 관계자는 "주요 사업의 추진 현황을 분기마다 점검해 '
            '국민께 투명하게 알리겠다"고 덧붙였다.',
        ],
        "reporters": ["maeng-su-yeol", "lee-ji-eun"],
        "tags": ["국방부", "국방정책", "장병 복지", "드론"],
        "featured": True,
        "hours_ago": 3,
        "photos": [
            {
                "caption": (
                    "국방부 청사에서 열린 국방중기계획 정책 설명회에서 관계자가 주요 "
                    "과제를 설명하고 있다."
                ),
                "credit": "사진=최하나 기자",
                "alt_text": (
                    "단상 옆 대형 화면에 도표가 띄워져 있고, 정장 차림의 발표자가 "
                    "객석에 앉은 참석자들을 향해 설명하는 모습."
                ),
                "motif": "city",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:midterm-plan-en",
        "language": "en",
        "section": "defense-policy",
        "type": "news",
        "headline": (
            "Defense ministry unveils five-year plan centered on unmanned systems and "
            "junior personnel"
        ),
        "alternate_headline": (
            "Mid-term plan pairs high-tech forces with better housing for junior "
            "officers and NCOs"
        ),
        "deck": (
            "The Ministry of National Defense has released its mid-term defense plan "
            "for the next five years, naming a manned-unmanned combat system and "
            "better conditions for junior officers and NCOs as core tasks."
        ),
        "body": [
            "The Ministry of National Defense unveiled the main elements of its "
            "five-year mid-term defense plan at a policy briefing at its headquarters "
            "in Yongsan, Seoul. The plan sets out tasks ranging from stronger "
            "surveillance and reconnaissance to a manned-unmanned combat system and "
            "improved service conditions for troops.",
            "The ministry's top priority is the manned-unmanned combat system. To "
            "cope with a shrinking pool of conscripts, small drones and unmanned "
            "surface vessels will be introduced in stages for guard and "
            "reconnaissance duties, and a pilot project linking them to existing "
            "command-and-control networks will get fully under way next year, the "
            "ministry said.",
            "On service conditions, the plan singles out housing for junior officers "
            "and non-commissioned officers. Aging quarters will be rebuilt to a "
            "one-person, one-room standard, and allowances for personnel posted to "
            "remote areas will be raised to realistic levels. Funding to replace "
            "heating and cooling systems in enlisted barracks and to improve meals "
            "will also rise.",
            '"Protecting the people who operate our equipment matters as much as '
            'adding advanced capabilities," a ministry policy official told the '
            'briefing. "We have given budget priority to changes that troops will '
            'actually feel."',
            "The ministry will finalize detailed programs after consultations with "
            "other government agencies and review by the National Assembly. An "
            "official added that progress on major programs would be checked every "
            "quarter and disclosed to the public.",
        ],
        "reporters": ["maeng-su-yeol", "lee-ji-eun"],
        "tags": [
            "Ministry of National Defense",
            "Defense Policy",
            "Troop Welfare",
            "Drones",
        ],
        "featured": True,
        "hours_ago": 3,
        "photos": [
            {
                "caption": (
                    "An official explains the main tasks of the mid-term defense plan "
                    "at a policy briefing at the Ministry of National Defense."
                ),
                "credit": "Photo by Ha-na, Choi",
                "alt_text": (
                    "A presenter in a suit stands beside a large screen showing "
                    "charts, addressing an audience seated in rows."
                ),
                "motif": "city",
            },
        ],
        "translation_of": "demo:midterm-plan-ko",
    },
    # defense-policy: manpower-analysis
    {
        "key": "demo:manpower-analysis-ko",
        "language": "ko",
        "section": "defense-policy",
        "type": "analysis",
        "headline": "[분석] 병역자원 절벽 앞에 선 군…'숫자'보다 '숙련'으로 답해야",
        "alternate_headline": "병력 감소 시대, 군 구조 개편의 세 갈래 과제",
        "deck": (
            "입영 대상 인구가 빠르게 줄면서 지금의 병력 구조를 유지하기 어렵다는 "
            "진단이 잇따르고 있다. 전문가들은 숙련 간부 확보와 부대 구조 재설계, "
            "예비전력 정예화를 함께 추진해야 한다고 지적한다."
        ),
        "body": [
            "저출생의 여파가 병영에 본격적으로 닿고 있다. 해마다 입영 연령에 이르는 "
            "남성 인구가 줄어들면서, 지금과 같은 병력 규모를 징집만으로 유지하기는 "
            "어렵다는 진단이 국방 분야 안팎에서 잇따르고 있다.",
            "국방부도 이 같은 흐름을 인정하고 있다. 국방부는 최근 공개한 "
            "국방중기계획에서 유무인 복합전투체계를 핵심 과제로 내세웠는데, 줄어드는 "
            "병력을 기술로 보완하겠다는 구상이다. 다만 무인체계 역시 이를 운용하고 "
            "정비할 숙련 인력이 있어야 제 기능을 한다는 점에서 '사람'의 문제는 여전히 "
            "남는다.",
            "첫 번째 과제는 숙련 간부의 확보다. 최근 몇 년 사이 초급간부 지원율이 "
            "낮아지고 중도 전역이 늘어난 것은 군이 직면한 가장 현실적인 위협으로 "
            '꼽힌다. 한 국책 연구기관의 연구위원은 "봉급과 주거, 전역 후 경력 전환 '
            '지원을 하나로 묶어 장기 복무를 선택할 이유를 만들어 줘야 한다"고 말했다.',
            "두 번째는 부대 구조의 재설계다. 경계 임무처럼 인력이 많이 드는 분야에 "
            "감시 장비와 무인체계를 우선 배치하고, 행정·지원 분야는 군무원과 민간 "
            "위탁을 늘려 전투 병력을 핵심 임무에 집중시키자는 것이다. 일부 부대는 "
            "이미 과학화 경계 시스템을 도입해 초소 근무 인원을 줄이고 있다.",
            "세 번째는 예비전력의 정예화다. 상비 병력이 줄어드는 만큼 전시에 즉각 "
            "투입될 예비군의 훈련 수준과 장비를 끌어올려야 한다는 목소리가 높다. "
            "훈련장 과학화와 동원 체계 정비가 뒤따라야 하는 이유다.",
            "결국 관건은 속도와 일관성이다. 인구 구조의 변화는 이미 정해진 미래인 "
            "만큼, 정책이 지휘부 교체 때마다 흔들리지 않도록 장기 로드맵을 꾸준히 "
            "유지하는 것이 무엇보다 중요하다는 지적이다.",
        ],
        "reporters": ["maeng-su-yeol", "park-min-ho"],
        "tags": ["국방정책", "병역자원", "국방부"],
        "featured": False,
        "hours_ago": 30,
        "photos": [],
        "translation_of": None,
    },
    {
        "key": "demo:manpower-analysis-en",
        "language": "en",
        "section": "defense-policy",
        "type": "analysis",
        "headline": (
            "Analysis: Facing a manpower cliff, the military must answer with skill, "
            "not numbers"
        ),
        "alternate_headline": (
            "Three tasks for reshaping the forces as the conscript pool shrinks"
        ),
        "deck": (
            "As the number of young men reaching enlistment age falls sharply, "
            "warnings are mounting that today's force structure cannot be sustained. "
            "Experts say the answer lies in keeping skilled personnel, redesigning "
            "units and sharpening the reserves."
        ),
        "body": [
            "The effects of the low birth rate are now reaching the barracks. With "
            "fewer men reaching enlistment age each year, analysts inside and outside "
            "the defense establishment increasingly warn that conscription alone can "
            "no longer sustain a force of today's size.",
            "The Ministry of National Defense acknowledges the trend. Its newly "
            "released mid-term plan puts a manned-unmanned combat system at the top "
            "of the agenda, an attempt to offset falling troop numbers with "
            "technology. Yet unmanned systems only work if skilled people are there "
            "to operate and maintain them, so the human question remains.",
            "The first task is retaining skilled career personnel. Falling "
            "applications for junior officer and NCO posts and a rise in early "
            "discharges in recent years are seen as the most immediate threat the "
            'military faces. "Pay, housing and support for a second career after '
            "service need to be bundled together so that people have a reason to "
            'choose a long career," said a research fellow at a state-funded think '
            "tank.",
            "The second is redesigning unit structures. The idea is to put "
            "surveillance equipment and unmanned systems first into labor-intensive "
            "duties such as perimeter guard, and to hand more administrative and "
            "support work to civilian staff and contractors so that combat troops can "
            "focus on core missions. Some units have already cut the number of "
            "soldiers on guard posts by installing automated surveillance systems.",
            "The third is a leaner, sharper reserve force. As the standing force "
            "shrinks, there are growing calls to raise the training standards and "
            "equipment of reservists who would be mobilized immediately in wartime. "
            "That requires modernized training ranges and an overhauled mobilisation "
            "system.",
            "In the end, speed and consistency will decide the outcome. Demographic "
            "change is a future that has already been set in motion, and experts "
            "stress that a long-term roadmap must be kept on course rather than "
            "reworked every time the leadership changes.",
        ],
        "reporters": ["maeng-su-yeol", "park-min-ho"],
        "tags": ["Defense Policy", "Military Manpower", "Ministry of National Defense"],
        "featured": False,
        "hours_ago": 30,
        "photos": [],
        "translation_of": "demo:manpower-analysis-ko",
    },
    # photo-news: photo-winter
    {
        "key": "demo:photo-winter-ko",
        "language": "ko",
        "section": "photo-news",
        "type": "photo",
        "headline": "[포토] 눈 덮인 능선 위, 혹한기 훈련에 나선 장병들",
        "alternate_headline": "체감온도 영하 20도 산악지대서 4박 5일 전술훈련",
        "deck": (
            "강원도 산악지대에서 육군 장병들이 영하의 추위 속에 혹한기 전술훈련을 "
            "펼쳤다."
        ),
        "body": [
            "육군 산악부대 장병들이 강원도 일대의 눈 덮인 산악지대에서 혹한기 "
            "전술훈련을 실시했다. 훈련은 체감온도 영하 20도 안팎의 추위 속에서 4박 "
            "5일 일정으로 진행됐다.",
            "장병들은 설상 위장복을 갖춰 입고 능선을 따라 이동하며 적 침투 상황을 "
            "가정한 수색·매복 훈련을 반복했다. 밤에는 개인 천막을 치고 숙영하며 동상 "
            "예방과 장비 관리 요령을 익혔다.",
            '훈련에 참가한 한 분대장은 "추위는 모두에게 같지만, 준비한 부대만이 '
            '추위를 이겨낼 수 있다"며 "분대원들과 끝까지 함께 걸은 경험이 가장 큰 '
            '자산이 됐다"고 말했다.',
        ],
        "reporters": ["choi-ha-na"],
        "tags": ["포토", "육군", "혹한기 훈련"],
        "featured": False,
        "hours_ago": 8,
        "photos": [
            {
                "caption": (
                    "설상 위장복을 입은 육군 장병들이 눈 덮인 능선을 따라 전술 기동을 "
                    "하고 있다."
                ),
                "credit": "사진=최하나 기자",
                "alt_text": (
                    "흰색 위장복을 입은 병사 여러 명이 일렬로 눈 쌓인 산 능선을 오르고 "
                    "있고, 뒤로 흐린 하늘 아래 겹겹의 산봉우리가 보인다."
                ),
                "motif": "mountain",
            },
            {
                "caption": "장병들이 숙영지에 개인 천막을 설치하고 있다.",
                "credit": "사진=최하나 기자",
                "alt_text": (
                    "눈밭 위에 작은 초록색 천막 여러 개가 세워져 있고, 병사들이 말뚝을 "
                    "박아 천막을 고정하는 모습."
                ),
                "motif": "field",
            },
            {
                "caption": "매복 훈련 중인 장병이 눈 속에서 경계 자세를 취하고 있다.",
                "credit": "사진=최하나 기자",
                "alt_text": (
                    "눈에 반쯤 묻힌 병사가 소총을 겨눈 채 엎드려 전방을 주시하고 있고, "
                    "입김이 하얗게 피어오른다."
                ),
                "motif": "mountain",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:photo-winter-en",
        "language": "en",
        "section": "photo-news",
        "type": "photo",
        "headline": "Photo: Troops take to snow-covered ridges for winter training",
        "alternate_headline": (
            "Five-day tactical drill in mountains where wind chill hit minus 20 degrees"
        ),
        "deck": (
            "Army troops carried out cold-weather tactical training in sub-zero "
            "temperatures in the mountains of Gangwon Province."
        ),
        "body": [
            "Soldiers from an Army mountain unit conducted cold-weather tactical "
            "training across snow-covered mountains in Gangwon Province. The five-day "
            "exercise took place in wind chills of around minus 20 degrees Celsius.",
            "Dressed in white snow camouflage, the troops moved along the ridgelines "
            "and repeatedly rehearsed search and ambush drills against a simulated "
            "enemy infiltration. At night they pitched individual tents and "
            "bivouacked in the field, practicing how to prevent frostbite and look "
            "after their equipment.",
            '"The cold is the same for everyone, but only a unit that has prepared '
            'can beat it," said one squad leader who took part. "Walking the whole '
            'way together with my squad was the most valuable thing I gained."',
        ],
        "reporters": ["choi-ha-na"],
        "tags": ["Photo", "Army", "Winter Training"],
        "featured": False,
        "hours_ago": 8,
        "photos": [
            {
                "caption": (
                    "Army troops in snow camouflage move tactically along a "
                    "snow-covered ridge."
                ),
                "credit": "Photo by Ha-na, Choi",
                "alt_text": (
                    "A line of soldiers in white camouflage climbs a snowy mountain "
                    "ridge, with layers of peaks under an overcast sky behind them."
                ),
                "motif": "mountain",
            },
            {
                "caption": "Soldiers set up individual tents at their bivouac site.",
                "credit": "Photo by Ha-na, Choi",
                "alt_text": (
                    "Several small green tents stand on a snowfield while soldiers "
                    "hammer in stakes to secure them."
                ),
                "motif": "field",
            },
            {
                "caption": "A soldier keeps watch in the snow during an ambush drill.",
                "credit": "Photo by Ha-na, Choi",
                "alt_text": (
                    "A soldier lies half-buried in snow, rifle aimed forward, his "
                    "breath visible as white vapor."
                ),
                "motif": "mountain",
            },
        ],
        "translation_of": "demo:photo-winter-ko",
    },
    # photo-news: photo-fleet
    {
        "key": "demo:photo-fleet-ko",
        "language": "ko",
        "section": "photo-news",
        "type": "photo",
        "headline": "[포토] 동해를 가르는 기동전단의 항적",
        "alternate_headline": "함정 10여 척·해상작전헬기 참가한 해상 기동훈련",
        "deck": (
            "해군 함정들이 동해상에서 전술 기동훈련을 펼치며 원해 작전 능력을 점검했다."
        ),
        "body": [
            "해군 기동전단 소속 함정들이 동해상에서 해상 기동훈련을 실시했다. 이번 "
            "훈련에는 구축함과 호위함, 군수지원함 등 함정 10여 척과 해상작전헬기가 "
            "참가했다.",
            "함정들은 일정한 간격을 유지하며 진형을 바꾸는 전술 기동을 펼친 뒤, 항해 "
            "중 연료와 물자를 주고받는 해상 보급 훈련을 이어갔다. 해상작전헬기는 함정 "
            "주변을 선회하며 수상 접촉물을 탐색했다.",
            "해군은 이번 훈련이 원해 작전 수행 능력을 높이는 데 중점을 뒀다고 밝혔다. "
            '해군의 한 관계자는 "어떤 해역에서도 작전을 지속할 수 있는 능력을 계속 '
            '다져 나가겠다"고 말했다.',
        ],
        "reporters": ["choi-ha-na", "jung-tae-woo"],
        "tags": ["포토", "해군", "해상훈련"],
        "featured": False,
        "hours_ago": 50,
        "photos": [
            {
                "caption": (
                    "구축함을 선두로 한 해군 함정들이 동해상에서 단종진 대형으로 "
                    "기동하고 있다."
                ),
                "credit": "해군 제공",
                "alt_text": (
                    "짙푸른 바다 위에 회색 군함 여러 척이 한 줄로 늘어서 하얀 항적을 "
                    "그리며 나아가고 있다."
                ),
                "motif": "sea",
            },
            {
                "caption": "군수지원함이 항해 중인 호위함에 유류를 보급하고 있다.",
                "credit": "해군 제공",
                "alt_text": (
                    "두 척의 군함이 나란히 항해하며 그 사이에 굵은 호스가 연결되어 "
                    "있고, 갑판 위에서 승조원들이 작업하는 모습."
                ),
                "motif": "sea",
            },
            {
                "caption": "해상작전헬기가 함정 상공을 선회하고 있다.",
                "credit": "사진=최하나 기자",
                "alt_text": (
                    "맑은 하늘을 배경으로 회색 헬기가 기울어진 자세로 비행하고 있고, "
                    "아래로 바다와 군함의 일부가 보인다."
                ),
                "motif": "sky",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:photo-fleet-en",
        "language": "en",
        "section": "photo-news",
        "type": "photo",
        "headline": "Photo: A task flotilla carves its wake across the East Sea",
        "alternate_headline": (
            "More than 10 ships and maritime helicopters join maneuvering drill"
        ),
        "deck": (
            "Navy ships held tactical maneuvering drills in the East Sea to check "
            "their ability to operate far from shore."
        ),
        "body": [
            "Ships of a Navy task flotilla conducted maneuvering drills in the East "
            "Sea. More than 10 vessels, including destroyers, frigates and a "
            "logistics support ship, took part along with maritime operations "
            "helicopters.",
            "Keeping set distances from one another, the ships changed formation in a "
            "series of tactical maneuvers before moving on to underway replenishment, "
            "passing fuel and supplies between vessels while sailing. Helicopters "
            "circled the formation searching for surface contacts.",
            "The Navy said the drill focused on strengthening its ability to operate "
            'in distant waters. "We will keep building the capability to sustain '
            'operations in any sea," a Navy official said.',
        ],
        "reporters": ["choi-ha-na", "jung-tae-woo"],
        "tags": ["Photo", "Navy", "Maritime Exercise"],
        "featured": False,
        "hours_ago": 50,
        "photos": [
            {
                "caption": (
                    "Navy ships led by a destroyer sail in column formation in the "
                    "East Sea."
                ),
                "credit": "Courtesy of the Navy",
                "alt_text": (
                    "Several grey warships sail in a single line across deep blue "
                    "water, leaving white wakes behind them."
                ),
                "motif": "sea",
            },
            {
                "caption": "A logistics support ship refuels a frigate under way.",
                "credit": "Courtesy of the Navy",
                "alt_text": (
                    "Two warships sail side by side, joined by a thick hose, while "
                    "crew members work on deck."
                ),
                "motif": "sea",
            },
            {
                "caption": (
                    "A maritime operations helicopter circles above the formation."
                ),
                "credit": "Photo by Ha-na, Choi",
                "alt_text": (
                    "A grey helicopter banks against a clear sky, with the sea and "
                    "part of a warship visible below."
                ),
                "motif": "sky",
            },
        ],
        "translation_of": "demo:photo-fleet-ko",
    },
    # photo-news: photo-parade
    {
        "key": "demo:photo-parade-ko",
        "language": "ko",
        "section": "photo-news",
        "type": "photo",
        "headline": "[포토] 국군의 날 앞두고 시가행진 예행연습",
        "alternate_headline": "도심 가른 장병들의 힘찬 발맞춤",
        "deck": (
            "국군의 날 기념행사를 앞두고 각 군 장병들이 도심 일대에서 시가행진 "
            "예행연습을 했다."
        ),
        "body": [
            "국군의 날 기념행사를 앞두고 각 군 장병들이 도심 일대에서 시가행진 "
            "예행연습을 실시했다. 이날 연습에는 도보 부대와 기계화 부대, 공중 사열 "
            "전력이 함께 참가해 실제 행사와 같은 순서로 동선을 점검했다.",
            "장병들은 이른 아침부터 집결해 대열을 맞추고 구령에 따라 발걸음을 맞추는 "
            "연습을 반복했다. 행진 구간 곳곳에서는 출근길 시민들이 걸음을 멈추고 손을 "
            "흔들며 장병들을 응원했다.",
            '행사 관계자는 "시민 불편을 최소화하기 위해 교통 통제 시간을 줄이고 안전 '
            '요원을 추가로 배치했다"고 밝혔다.',
        ],
        "reporters": ["choi-ha-na"],
        "tags": ["포토", "국군의 날", "장병"],
        "featured": False,
        "hours_ago": 480,
        "photos": [
            {
                "caption": "각 군 장병들이 발을 맞춰 도심 도로를 행진하고 있다.",
                "credit": "사진=최하나 기자",
                "alt_text": (
                    "정복을 입은 장병 수십 명이 줄을 맞춰 넓은 도로를 행진하고, 길가에 "
                    "시민들이 서서 지켜보는 모습."
                ),
                "motif": "parade",
            },
            {
                "caption": (
                    "공중 사열에 참가한 항공기들이 편대를 이뤄 도심 상공을 비행하고 "
                    "있다."
                ),
                "credit": "공군 제공",
                "alt_text": (
                    "빌딩 숲 위 파란 하늘에 전투기 여러 대가 삼각형 대형으로 날아가며 "
                    "흰 연기 꼬리를 남기고 있다."
                ),
                "motif": "sky",
            },
            {
                "caption": "출근길 시민들이 예행연습 중인 장병들에게 손을 흔들고 있다.",
                "credit": "사진=최하나 기자",
                "alt_text": (
                    "횡단보도 옆 인도에 선 시민들이 휴대전화로 사진을 찍거나 손을 "
                    "흔들고, 뒤로 행진 대열이 지나가는 모습."
                ),
                "motif": "city",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:photo-parade-en",
        "language": "en",
        "section": "photo-news",
        "type": "photo",
        "headline": "Photo: Troops rehearse Armed Forces Day street parade",
        "alternate_headline": "Marching in step through the city center",
        "deck": (
            "Service members from all branches rehearsed a street parade in the city "
            "center ahead of Armed Forces Day."
        ),
        "body": [
            "Troops from every branch of the armed forces held a rehearsal for the "
            "Armed Forces Day street parade in the city center. Marching units, "
            "mechanized units and aircraft for the flypast all took part, running "
            "through the route in the same order as on the day itself.",
            "Assembling early in the morning, the soldiers dressed their ranks and "
            "practiced marching in step to the commands again and again. Along the "
            "route, commuters stopped to wave and cheer them on.",
            '"We shortened the road closures and deployed extra safety staff to keep '
            'inconvenience to citizens to a minimum," an event official said.',
        ],
        "reporters": ["choi-ha-na"],
        "tags": ["Photo", "Armed Forces Day", "Troops"],
        "featured": False,
        "hours_ago": 480,
        "photos": [
            {
                "caption": (
                    "Service members from all branches march in step along a downtown "
                    "road."
                ),
                "credit": "Photo by Ha-na, Choi",
                "alt_text": (
                    "Dozens of troops in dress uniform march in neat ranks down a wide "
                    "road while citizens watch from the roadside."
                ),
                "motif": "parade",
            },
            {
                "caption": (
                    "Aircraft taking part in the flypast fly in formation over the "
                    "city."
                ),
                "credit": "Courtesy of the Air Force",
                "alt_text": (
                    "Several fighter jets fly in a triangular formation across a blue "
                    "sky above high-rise buildings, trailing white smoke."
                ),
                "motif": "sky",
            },
            {
                "caption": "Commuters wave to troops during the rehearsal.",
                "credit": "Photo by Ha-na, Choi",
                "alt_text": (
                    "People on a sidewalk beside a crossing take photos on their "
                    "phones and wave as the parade column passes behind them."
                ),
                "motif": "city",
            },
        ],
        "translation_of": "demo:photo-parade-ko",
    },
    # army: army-drone-livefire
    {
        "key": "demo:army-drone-livefire-ko",
        "language": "ko",
        "section": "army",
        "type": "news",
        "headline": "육군 해오름여단, 드론 연계 제병협동 실사격훈련",
        "alternate_headline": (
            "정찰 드론이 찾고 포병이 때린다…실시간 표적 정보 공유 검증"
        ),
        "deck": (
            "육군 해오름여단이 정찰 드론과 전차, 자주포를 하나의 타격 체계로 묶는 "
            "제병협동 실사격훈련을 했다."
        ),
        "body": [
            "육군 해오름여단은 경기도의 한 종합훈련장에서 정찰 드론과 전차, 자주포, "
            "보병전투차량이 참가한 가운데 제병협동 실사격훈련을 실시했다고 밝혔다. "
            "훈련은 드론이 수집한 표적 정보를 각 제대가 실시간으로 공유해 타격까지 "
            "걸리는 시간을 줄이는 데 초점을 맞췄다.",
            "훈련이 시작되자 여단 드론팀이 띄운 소형 정찰 드론이 가상 적 진지를 "
            "포착했고, 표적 좌표는 곧바로 지휘소와 포병 부대로 전송됐다. 자주포 "
            "사격으로 적 진지가 제압되자 전차와 보병전투차량이 연막을 뚫고 돌진해 "
            "목표 지역을 확보했다.",
            "육군은 드론 영상과 지휘통제체계를 연동한 결과 표적 식별부터 사격까지 "
            "걸리는 시간이 기존 훈련보다 크게 줄었다고 설명했다. 이번 훈련은 육군이 "
            "올해 여단급 부대에 드론 전담 조직을 확대 편성한 이후 처음 실시한 대규모 "
            "실사격훈련이다.",
            '훈련을 계획한 여단 작전참모 최민석 중령은 "드론은 이제 특별한 장비가 '
            '아니라 소총처럼 모든 제대가 다뤄야 하는 기본 전력"이라며 "훈련에서 '
            '확인한 보완점을 교리와 교육에 즉시 반영하겠다"고 말했다.',
        ],
        "reporters": ["park-min-ho"],
        "tags": ["육군", "드론", "실사격훈련"],
        "featured": False,
        "hours_ago": 14,
        "photos": [
            {
                "caption": (
                    "육군 해오름여단 장병들이 제병협동 실사격훈련에서 정찰 드론을 "
                    "띄우고 있다."
                ),
                "credit": "사진=박민호 기자",
                "alt_text": (
                    "흙먼지가 이는 훈련장에서 병사 두 명이 조종기를 든 채 하늘로 "
                    "떠오르는 소형 드론을 지켜보고, 뒤로 전차 한 대가 서 있다."
                ),
                "motif": "field",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:army-drone-livefire-en",
        "language": "en",
        "section": "army",
        "type": "news",
        "headline": (
            "Army's Haeoreum Brigade holds drone-linked combined-arms live-fire drill"
        ),
        "alternate_headline": (
            "Drones spot, artillery strikes: real-time target sharing put to the test"
        ),
        "deck": (
            "The Army's Haeoreum Brigade staged a combined-arms live-fire exercise "
            "that tied reconnaissance drones, tanks and self-propelled guns into a "
            "single strike chain."
        ),
        "body": [
            "The Army's Haeoreum Brigade said it had conducted a combined-arms "
            "live-fire exercise at a training complex in Gyeonggi Province involving "
            "reconnaissance drones, tanks, self-propelled howitzers and infantry "
            "fighting vehicles. The drill focused on cutting the time from detection "
            "to strike by sharing drone-gathered target data across all echelons in "
            "real time.",
            "As the exercise began, a small reconnaissance drone launched by the "
            "brigade's drone team spotted a mock enemy position, and the target "
            "coordinates were sent straight to the command post and artillery units. "
            "Once howitzer fire had suppressed the position, tanks and infantry "
            "fighting vehicles charged through a smokescreen to seize the objective.",
            "The Army said linking drone video to its command-and-control system had "
            "significantly shortened the time between identifying a target and firing "
            "on it compared with previous drills. It was the first large-scale "
            "live-fire exercise since the Army expanded dedicated drone teams in "
            "brigade-level units this year.",
            '"Drones are no longer special equipment. Like the rifle, they are a '
            'basic capability that every echelon has to handle," said Lt. Col. Choi '
            "Min-seok, the brigade's operations officer, who planned the exercise. "
            '"We will feed the lessons from this drill straight into our doctrine '
            'and training."',
        ],
        "reporters": ["park-min-ho"],
        "tags": ["Army", "Drones", "Live-Fire Exercise"],
        "featured": False,
        "hours_ago": 14,
        "photos": [
            {
                "caption": (
                    "Soldiers of the Army's Haeoreum Brigade launch a reconnaissance "
                    "drone during the combined-arms live-fire exercise."
                ),
                "credit": "Photo by Min-ho, Park",
                "alt_text": (
                    "On a dusty training ground, two soldiers holding a controller "
                    "watch a small drone lift into the sky, with a tank parked behind "
                    "them."
                ),
                "motif": "field",
            },
        ],
        "translation_of": "demo:army-drone-livefire-ko",
    },
    # army: frontline-kitchen
    {
        "key": "demo:frontline-kitchen-ko",
        "language": "ko",
        "section": "army",
        "type": "feature",
        "headline": "새벽 4시, 최전방 취사장의 불이 가장 먼저 켜진다",
        "alternate_headline": "한 끼에 담긴 정성…전방 부대 조리병들의 하루",
        "deck": (
            "장병 수백 명의 하루는 취사장에서 시작된다. 강원도 전방 부대 조리병들의 "
            "하루를 함께했다."
        ),
        "body": [
            "새벽 4시, 강원도 산골짜기의 한 전방 부대. 생활관이 아직 잠들어 있는 "
            "시간, 취사장 창문에만 불이 켜져 있었다. 흰 위생복 차림의 조리병 다섯 "
            "명이 커다란 솥에 물을 올리고 재료를 손질하느라 분주했다.",
            "이날 아침 메뉴는 북엇국과 계란말이, 김치볶음. 조리병 김도현 상병은 "
            '300인분 계란말이를 부치며 "처음에는 양에 압도됐는데 이제는 불 색깔만 '
            '봐도 언제 뒤집어야 할지 안다"며 웃었다. 입대 전에는 요리를 해 본 적이 '
            "거의 없었다는 그는 지금 부대에서 손꼽히는 '계란말이 장인'으로 통한다.",
            "조리병들의 하루는 세 끼를 모두 마친 오후 7시가 넘어서야 끝난다. 식재료 "
            "검수와 위생 점검, 다음 날 메뉴 준비까지 쉴 틈이 없다. 급양관리관 박수진 "
            '상사는 "경계 근무를 마치고 돌아온 장병들이 따뜻한 밥 한 끼에 힘을 '
            '얻는다"며 "조리병들이야말로 보이지 않는 곳에서 전투력을 만드는 '
            '사람들"이라고 말했다.',
            "부대는 최근 장병 선호도 조사를 바탕으로 주 1회 '장병 추천 메뉴'를 "
            "운영하고 있다. 지난주에는 마라탕이 뽑혀 조리병들이 며칠 동안 레시피를 "
            '연구했다고 한다. 김 상병은 "잔반 없이 깨끗하게 돌아온 식판을 볼 때가 '
            '가장 뿌듯하다"고 했다.',
            "오전 6시 30분, 기상나팔과 함께 식당 문이 열리자 줄지어 들어선 장병들이 "
            "식판을 받아 들었다. 조리병들은 그제야 이마의 땀을 닦으며 잠시 숨을 "
            "돌렸다. 그리고 곧바로 점심 준비에 들어갔다.",
        ],
        "reporters": ["kim-seo-yeon"],
        "tags": ["육군", "장병", "병영 생활"],
        "featured": False,
        "hours_ago": 72,
        "photos": [
            {
                "caption": (
                    "전방 부대 조리병들이 새벽 시간 장병들의 아침 식사를 준비하고 있다."
                ),
                "credit": "사진=김서연 기자",
                "alt_text": (
                    "스테인리스 조리대가 늘어선 취사장에서 흰 위생복과 모자를 쓴 "
                    "병사들이 커다란 솥과 철판 앞에서 음식을 만들고 있다."
                ),
                "motif": "mountain",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:frontline-kitchen-en",
        "language": "en",
        "section": "army",
        "type": "feature",
        "headline": "At 4 a.m., the first light on the front line is in the kitchen",
        "alternate_headline": "A day with the cooks who feed a frontline unit",
        "deck": (
            "For hundreds of soldiers, the day begins in the kitchen. We spent a day "
            "with the cooks of a frontline unit in Gangwon Province."
        ),
        "body": [
            "Four in the morning at a frontline unit tucked into a mountain valley in "
            "Gangwon Province. The barracks were still asleep, and the only lit "
            "windows belonged to the kitchen. Inside, five cooks in white hygiene "
            "uniforms were busy setting water to boil in huge pots and preparing "
            "ingredients.",
            "Breakfast that day was dried pollock soup, rolled omelette and "
            "stir-fried kimchi. Rolling omelettes for 300, Cpl. Kim Do-hyeon laughed: "
            '"At first the quantities overwhelmed me. Now I can tell when to flip '
            'just by the color of the flame." He says he had barely cooked before '
            "enlisting, yet he is now known around the unit as its omelette master.",
            "The cooks' day does not end until after 7 p.m., once all three meals "
            "have been served. Checking deliveries, hygiene inspections and preparing "
            "the next day's menu leave little time to rest. \"Soldiers coming back "
            'from guard duty get their strength from a warm meal," said Master Sgt. '
            "Park Su-jin, the unit's food service manager. \"The cooks are the people "
            'who build combat power where nobody sees it."',
            "Based on a survey of soldiers' preferences, the unit recently introduced "
            "a weekly menu item chosen by the troops. Last week's pick was malatang, "
            "the spicy Sichuan-style soup, and the cooks spent several days working "
            'out a recipe. "The proudest moment is when the trays come back clean," '
            "Kim said.",
            "At 6:30 a.m., as reveille sounded and the dining hall doors opened, "
            "soldiers filed in and picked up their trays. Only then did the cooks "
            "wipe their brows and pause for breath. Then they started on lunch.",
        ],
        "reporters": ["kim-seo-yeon"],
        "tags": ["Army", "Troops", "Barracks Life"],
        "featured": False,
        "hours_ago": 72,
        "photos": [
            {
                "caption": (
                    "Cooks at a frontline unit prepare breakfast for the troops in the "
                    "early hours."
                ),
                "credit": "Photo by Seo-yeon, Kim",
                "alt_text": (
                    "In a kitchen lined with stainless steel counters, soldiers in "
                    "white uniforms and caps cook at large pots and griddles."
                ),
                "motif": "mountain",
            },
        ],
        "translation_of": "demo:frontline-kitchen-ko",
    },
    # navy: navy-asw
    {
        "key": "demo:navy-asw-ko",
        "language": "ko",
        "section": "navy",
        "type": "news",
        "headline": "해군, 동해서 대잠수함전 훈련…수상함·초계기·잠수함 입체 작전",
        "alternate_headline": "",
        "deck": (
            "해군이 동해 해역에서 수상함과 해상초계기, 잠수함이 참가한 대잠수함전 "
            "훈련을 펼쳤다."
        ),
        "body": [
            "해군은 동해 해역에서 구축함과 호위함, 해상초계기, 잠수함 등이 참가한 "
            "가운데 대잠수함전 훈련을 실시했다고 밝혔다. 훈련은 적 잠수함이 우리 "
            "해역에 은밀히 침투하는 상황을 가정해 사흘간 진행됐다.",
            "잠수함은 가상 적 역할을 맡아 수중에서 은밀하게 기동했고, 수상함과 "
            "해상초계기는 소나와 음향탐지부표를 활용해 잠수함을 탐색·추적했다. "
            "해상작전헬기도 디핑 소나를 내려 수중 표적을 찾는 데 힘을 보탰다.",
            "해군의 대잠 전력이 표적을 식별하자 함정들은 모의 어뢰 공격 절차를 "
            "수행하며 탐지에서 공격에 이르는 전 과정을 숙달했다. 해군이 계절에 따라 "
            "달라지는 동해의 수온과 염분이 음파 탐지에 미치는 영향을 함께 분석한 것도 "
            "이번 훈련의 특징이다.",
            '훈련을 지휘한 전단장 이상훈 대령은 "잠수함 위협은 눈에 보이지 않기 '
            '때문에 더 철저히 대비해야 한다"며 "실전과 같은 훈련으로 어떠한 수중 '
            '위협도 조기에 탐지하고 격퇴할 수 있는 능력을 갖추겠다"고 말했다.',
        ],
        "reporters": ["jung-tae-woo"],
        "tags": ["해군", "대잠수함전", "해상훈련"],
        "featured": False,
        "hours_ago": 20,
        "photos": [
            {
                "caption": "해군 호위함이 대잠수함전 훈련에서 기동하고 있다.",
                "credit": "해군 제공",
                "alt_text": (
                    "잿빛 하늘 아래 거친 파도를 헤치며 나아가는 회색 군함의 측면 모습."
                ),
                "motif": "sea",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:navy-asw-en",
        "language": "en",
        "section": "navy",
        "type": "news",
        "headline": (
            "Navy holds anti-submarine drill in East Sea with ships, patrol aircraft "
            "and submarine"
        ),
        "alternate_headline": "",
        "deck": (
            "The Navy conducted anti-submarine warfare training in the East Sea "
            "involving surface ships, maritime patrol aircraft and a submarine."
        ),
        "body": [
            "The Navy said it had conducted anti-submarine warfare training in the "
            "East Sea with destroyers, frigates, maritime patrol aircraft and a "
            "submarine. The three-day exercise assumed that an enemy submarine was "
            "covertly infiltrating South Korean waters.",
            "Playing the role of the adversary, the submarine maneuvered stealthily "
            "underwater while surface ships and patrol aircraft used sonar and "
            "sonobuoys to search for and track it. Maritime operations helicopters "
            "joined the hunt, lowering dipping sonar to locate the underwater target.",
            "Once the anti-submarine forces had identified the target, the ships "
            "carried out simulated torpedo attack procedures, practicing the entire "
            "sequence from detection to attack. The Navy also analyzed how seasonal "
            "changes in water temperature and salinity in the East Sea affect sonar "
            "detection.",
            '"Because the submarine threat is invisible, we have to prepare all the '
            'more thoroughly," said Capt. Lee Sang-hoon, the flotilla commander who '
            'led the exercise. "Through realistic training we will make sure we can '
            'detect and defeat any underwater threat early."',
        ],
        "reporters": ["jung-tae-woo"],
        "tags": ["Navy", "Anti-Submarine Warfare", "Maritime Exercise"],
        "featured": False,
        "hours_ago": 20,
        "photos": [
            {
                "caption": (
                    "A Navy frigate maneuvers during the anti-submarine warfare "
                    "exercise."
                ),
                "credit": "Courtesy of the Navy",
                "alt_text": (
                    "Side view of a grey warship cutting through rough waves beneath "
                    "an overcast sky."
                ),
                "motif": "sea",
            },
        ],
        "translation_of": "demo:navy-asw-ko",
    },
    # air-force: airforce-csar
    {
        "key": "demo:airforce-csar-ko",
        "language": "ko",
        "section": "air-force",
        "type": "news",
        "headline": "공군, 야간 전투탐색구조 훈련…적지 고립 조종사 구출 절차 점검",
        "alternate_headline": "칠흑 같은 밤, 조난 조종사를 찾아라",
        "deck": (
            "공군이 적 지역에서 비상 탈출한 조종사를 야간에 찾아 구출하는 전투탐색구조 "
            "훈련을 실시했다."
        ),
        "body": [
            "공군은 충청권 일대 산악지역에서 야간 전투탐색구조 훈련을 실시했다고 "
            "밝혔다. 훈련은 임무 중 피격된 전투기 조종사가 비상 탈출해 적 지역에 "
            "고립된 상황을 가정해 진행됐다.",
            "조난 신호가 접수되자 항공구조사들을 태운 구조헬기가 출격했고, 전투기는 "
            "구조 전력의 접근로를 엄호했다. 항공구조사들은 야간투시경을 쓴 채 "
            "헬기에서 줄을 타고 내려가 수색을 벌였고, 은신해 있던 조종사를 찾아 "
            "신원을 확인한 뒤 호이스트로 헬기에 끌어올렸다.",
            "공군이 이번 훈련에서 특히 주목한 부분은 조난 조종사와 구조 전력 사이의 "
            "교신 절차다. 적에게 위치가 노출되지 않도록 암호화된 신호와 사전에 약속한 "
            "인증 절차로 신원을 확인하는 과정을 반복해 숙달했다.",
            '구조헬기 조종사로 참가한 정해린 소령은 "조종사들이 어떤 상황에서도 '
            '반드시 구출된다는 믿음이 있어야 과감하게 임무를 수행할 수 있다"며 "그 '
            '믿음에 응답하는 것이 우리의 임무"라고 말했다.',
        ],
        "reporters": ["lee-ji-eun"],
        "tags": ["공군", "탐색구조", "야간훈련"],
        "featured": False,
        "hours_ago": 40,
        "photos": [
            {
                "caption": (
                    "공군 구조헬기가 야간 전투탐색구조 훈련에서 조난 조종사를 구출하기 "
                    "위해 저공비행하고 있다."
                ),
                "credit": "공군 제공",
                "alt_text": (
                    "어두운 밤하늘 아래 산등성이 위를 낮게 나는 헬기가 희미한 불빛을 "
                    "비추고 있는 장노출 사진."
                ),
                "motif": "sky",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:airforce-csar-en",
        "language": "en",
        "section": "air-force",
        "type": "news",
        "headline": (
            "Air Force rehearses night-time rescue of downed pilots behind enemy lines"
        ),
        "alternate_headline": "In pitch darkness, find the pilot",
        "deck": (
            "The Air Force held combat search and rescue training to locate and "
            "recover, at night, a pilot who had ejected over enemy territory."
        ),
        "body": [
            "The Air Force said it had carried out night-time combat search and "
            "rescue training in mountainous terrain in the Chungcheong region. The "
            "scenario assumed that a fighter pilot had ejected after being hit on a "
            "mission and was stranded in enemy territory.",
            "When the distress signal came in, a rescue helicopter carrying "
            "pararescue specialists took off while fighter jets covered its approach "
            "route. Wearing night-vision goggles, the rescuers fast-roped down from "
            "the helicopter, searched the area, found the pilot in hiding, confirmed "
            "his identity and winched him aboard with a hoist.",
            "The Air Force paid particular attention to communication between the "
            "downed pilot and the rescue force. To avoid giving away their position "
            "to the enemy, crews repeatedly practiced confirming identity with "
            "encrypted signals and pre-arranged authentication procedures.",
            '"Pilots can only carry out their missions boldly if they trust that '
            'they will be rescued no matter what," said Maj. Jung Hae-rin, who flew '
            'the rescue helicopter. "Living up to that trust is our job."',
        ],
        "reporters": ["lee-ji-eun"],
        "tags": ["Air Force", "Search and Rescue", "Night Training"],
        "featured": False,
        "hours_ago": 40,
        "photos": [
            {
                "caption": (
                    "An Air Force rescue helicopter flies low to recover a downed "
                    "pilot during night-time combat search and rescue training."
                ),
                "credit": "Courtesy of the Air Force",
                "alt_text": (
                    "Long-exposure photo of a helicopter flying low over a ridge "
                    "against a dark night sky, casting a faint beam of light."
                ),
                "motif": "sky",
            },
        ],
        "translation_of": "demo:airforce-csar-ko",
    },
    # defense-industry: defense-expo
    {
        "key": "demo:defense-expo-ko",
        "language": "ko",
        "section": "defense-industry",
        "type": "news",
        "headline": "국제 방산전시회 폐막…국내 업체 수출 상담 활기",
        "alternate_headline": "중소 방산기업 부스에도 해외 바이어 발길 이어져",
        "deck": (
            "나흘간 열린 국제 방위산업 전시회가 막을 내렸다. 국내 업체들은 지상장비와 "
            "무인체계, 부품 분야에서 해외 바이어들과 잇따라 상담을 벌였다."
        ),
        "body": [
            "경기도 고양시의 한 전시장에서 나흘간 열린 국제 방위산업 전시회가 "
            "폐막했다. 올해 전시회에는 국내외 방산업체 수백 곳이 참가해 "
            "지상·해상·항공 무기체계와 무인체계, 각종 부품과 소재를 선보였다.",
            "주최 측에 따르면 전시 기간 해외 대표단과 바이어의 방문이 이어지면서 수출 "
            "상담 건수가 지난 행사보다 크게 늘었다. 특히 자주포와 장갑차 등 지상장비, "
            "소형 무인기와 대드론 체계에 문의가 집중됐다.",
            "중소 방산기업들의 약진도 눈에 띄었다. 열영상 카메라와 전술 통신 장비, "
            "군용 배터리 등을 출품한 중소기업 부스에는 협력 업체를 찾는 해외 "
            "바이어들의 발길이 이어졌다. 야간 관측 장비를 생산하는 한 중소기업 대표는 "
            '"행사 기간 동남아와 중동 지역 업체 세 곳과 후속 협의를 약속했다"고 '
            "말했다.",
            "방위사업청은 전시회 기간 수출 지원 상담 창구를 운영하며 수출 절차와 금융 "
            '지원 제도를 안내했다. 방위사업청 관계자는 "상담이 실제 계약으로 이어질 '
            '수 있도록 후속 지원을 이어가겠다"고 밝혔다.',
        ],
        "reporters": ["jung-tae-woo"],
        "tags": ["방위산업", "방산수출", "방위사업청"],
        "featured": False,
        "hours_ago": 96,
        "photos": [
            {
                "caption": (
                    "국제 방위산업 전시회를 찾은 관람객들이 지상장비 전시 부스를 "
                    "둘러보고 있다."
                ),
                "credit": "사진=정태우 기자",
                "alt_text": (
                    "넓은 실내 전시장에 위장 도색을 한 장갑차가 전시되어 있고, "
                    "출입증을 목에 건 관람객들이 주변에 모여 설명을 듣고 있다."
                ),
                "motif": "city",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:defense-expo-en",
        "language": "en",
        "section": "defense-industry",
        "type": "news",
        "headline": (
            "International defense expo closes with brisk export talks for Korean firms"
        ),
        "alternate_headline": (
            "Foreign buyers also flock to stands of small defense suppliers"
        ),
        "deck": (
            "A four-day international defense exhibition has ended, with Korean "
            "companies holding a string of talks with foreign buyers on land systems, "
            "unmanned systems and components."
        ),
        "body": [
            "A four-day international defense industry exhibition at a convention "
            "center in Goyang, Gyeonggi Province, has come to a close. Hundreds of "
            "Korean and foreign defense companies took part, showcasing land, sea and "
            "air weapons systems, unmanned systems, and a wide range of components "
            "and materials.",
            "According to the organizers, a steady stream of foreign delegations and "
            "buyers pushed the number of export consultations well above the previous "
            "event. Interest was especially strong in land systems such as "
            "self-propelled howitzers and armored vehicles, as well as small drones "
            "and counter-drone systems.",
            "Smaller defense companies also stood out. Stands run by small and "
            "medium-sized firms exhibiting thermal imaging cameras, tactical "
            "communications gear and military batteries drew foreign buyers looking "
            'for suppliers. "During the show we agreed to follow-up talks with three '
            'companies from Southeast Asia and the Middle East," said the head of a '
            "small firm that makes night-observation equipment.",
            "The Defense Acquisition Program Administration ran an export support "
            "desk throughout the exhibition, advising companies on export procedures "
            'and financing. "We will keep supporting companies so that these '
            'consultations turn into actual contracts," a DAPA official said.',
        ],
        "reporters": ["jung-tae-woo"],
        "tags": ["Defense Industry", "Defense Exports", "DAPA"],
        "featured": False,
        "hours_ago": 96,
        "photos": [
            {
                "caption": (
                    "Visitors tour a land systems stand at the international defense "
                    "industry exhibition."
                ),
                "credit": "Photo by Tae-woo, Jung",
                "alt_text": (
                    "A camouflage-painted armored vehicle is displayed in a large "
                    "indoor exhibition hall while visitors wearing lanyards gather "
                    "around to hear an explanation."
                ),
                "motif": "city",
            },
        ],
        "translation_of": "demo:defense-expo-ko",
    },
    # defense-industry: parts-localization
    {
        "key": "demo:parts-localization-ko",
        "language": "ko",
        "section": "defense-industry",
        "type": "news",
        "headline": (
            "방산 부품 국산화 사업에 중소기업 참여 늘어…올해 선정 과제 역대 최다"
        ),
        "alternate_headline": "방위사업청, 무기체계 부품 국산화 개발 지원 과제 발표",
        "deck": (
            "방위사업청이 올해 무기체계 부품 국산화 개발 지원 과제를 선정했다. 선정 "
            "기업 가운데 중소기업의 비중이 크게 늘었다."
        ),
        "body": [
            "방위사업청은 올해 무기체계 부품 국산화 개발 지원 사업 과제를 선정해 "
            "발표했다. 이 사업은 해외에서 들여오던 무기체계 부품을 국내 기술로 개발할 "
            "수 있도록 정부가 개발비 일부를 지원하는 제도로, 올해 선정된 과제 수는 "
            "사업 시행 이후 가장 많다.",
            "올해 선정된 과제에는 함정용 전력 변환 장치와 전차 구동계 센서, 항공기 "
            "유압 부품 등이 포함됐다. 방위사업청의 설명에 따르면 선정 기업 가운데 "
            "중소기업의 비중이 예년보다 높아졌고, 방산 분야에 처음 진출하는 민수 "
            "기업도 여럿 이름을 올렸다.",
            "업계는 부품 국산화가 수출 경쟁력과도 직결된다고 본다. 해외 부품에 "
            "의존하면 공급이 늦어지거나, 수출할 때 부품 원산지 국가의 승인을 받아야 "
            "하는 경우가 생기기 때문이다. 방위사업청이 국산화 과제를 늘리는 것도 이 "
            "같은 공급망 위험을 줄이려는 취지다.",
            "방위사업청은 선정 기업에 개발 단계별 기술 자문과 시험평가 지원도 함께 "
            '제공할 계획이다. 방위사업청 관계자는 "개발에 성공한 부품이 양산과 '
            '수출로 이어지도록 군과 체계업체, 부품업체를 잇는 협의체를 운영하겠다"고 '
            "말했다.",
        ],
        "reporters": ["park-min-ho"],
        "tags": ["방위산업", "방위사업청", "국산화"],
        "featured": False,
        "hours_ago": 150,
        "photos": [
            {
                "caption": (
                    "한 중소 방산기업 연구원이 국산화 개발 중인 부품의 성능을 시험하고 "
                    "있다."
                ),
                "credit": "방위사업청 제공",
                "alt_text": (
                    "실험실 작업대 위에 금속 부품과 측정 장비가 놓여 있고, 작업복을 "
                    "입은 연구원이 모니터에 뜬 그래프를 살펴보고 있다."
                ),
                "motif": "city",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:parts-localization-en",
        "language": "en",
        "section": "defense-industry",
        "type": "news",
        "headline": (
            "More small firms join drive to localize defense parts as projects hit "
            "record number"
        ),
        "alternate_headline": (
            "DAPA announces this year's component localization projects"
        ),
        "deck": (
            "The Defense Acquisition Program Administration has selected this year's "
            "projects for developing weapons-system parts at home, with small and "
            "medium-sized firms taking a much larger share."
        ),
        "body": [
            "The Defense Acquisition Program Administration (DAPA) has announced this "
            "year's selection of projects under its program to support the domestic "
            "development of weapons-system components. The program covers part of the "
            "development costs so that parts previously imported can be produced with "
            "Korean technology. This year's number of selected projects is the "
            "highest since the program began.",
            "This year's projects include power conversion units for naval vessels, "
            "sensors for tank drivetrains and hydraulic parts for aircraft. According "
            "to DAPA, small and medium-sized firms account for a larger share of the "
            "selected companies than in previous years, and several civilian "
            "manufacturers entering the defense sector for the first time also made "
            "the list.",
            "The industry sees localization as directly tied to export "
            "competitiveness. Reliance on foreign parts can delay supply, and in some "
            "cases exports require approval from the country where a component was "
            "made. DAPA's expansion of the program is intended to reduce such "
            "supply-chain risks.",
            "DAPA plans to provide the selected companies with technical advice at "
            "each stage of development as well as support for testing and evaluation. "
            '"We will run a council linking the military, systems integrators and '
            "parts makers so that successfully developed components move on to mass "
            'production and export," a DAPA official said.',
        ],
        "reporters": ["park-min-ho"],
        "tags": ["Defense Industry", "DAPA", "Localization"],
        "featured": False,
        "hours_ago": 150,
        "photos": [
            {
                "caption": (
                    "A researcher at a small defense company tests the performance of "
                    "a component being developed for localization."
                ),
                "credit": "Courtesy of DAPA",
                "alt_text": (
                    "Metal parts and measuring instruments sit on a laboratory bench "
                    "while a researcher in work clothes studies a graph on a monitor."
                ),
                "motif": "city",
            },
        ],
        "translation_of": "demo:parts-localization-ko",
    },
    # international: peacekeeping-rotation
    {
        "key": "demo:peacekeeping-rotation-ko",
        "language": "ko",
        "section": "international",
        "type": "news",
        "headline": (
            '레바논 평화유지 교대 병력 출국…"주민과 함께하는 평화 지킴이 되겠다"'
        ),
        "alternate_headline": "유엔 레바논 평화유지군 임무 교대 장병들 환송",
        "deck": (
            "유엔 레바논 평화유지군(UNIFIL)에서 임무를 수행할 우리 군 교대 병력이 "
            "환송식을 마치고 출국했다."
        ),
        "body": [
            "유엔 레바논 평화유지군(UNIFIL)으로 파견되는 우리 군 교대 병력이 "
            "인천국제공항을 통해 출국했다. 장병들은 앞서 부대에서 열린 환송식에서 "
            "가족과 전우들의 배웅을 받았다.",
            "교대 병력은 현지에 도착한 뒤 약 8개월 동안 레바논 남부 지역에서 "
            "감시·정찰 활동과 주민 지원 임무를 수행한다. 장병들은 파병에 앞서 약 두 "
            "달간 현지 정세 교육과 지뢰·폭발물 대응, 의무 지원, 현지어 교육 등 임무 "
            "수행에 필요한 훈련을 받았다.",
            '교대 병력을 이끄는 부대장 윤성민 대령은 "선배 전우들이 쌓아 온 신뢰를 '
            '이어받아 현지 주민과 함께하는 평화 지킴이가 되겠다"며 "모든 장병이 '
            '임무를 완수하고 건강하게 돌아오도록 하겠다"고 말했다.',
            "우리 군은 그동안 레바논 남부에서 감시 활동과 함께 의료 지원, 직업 교육, "
            "학교 시설 보수 등 다양한 민군 협력 활동을 펼쳐 현지 주민들로부터 호평을 "
            "받아 왔다.",
        ],
        "reporters": ["lee-ji-eun"],
        "tags": ["국제협력", "평화유지활동", "장병"],
        "featured": False,
        "hours_ago": 200,
        "photos": [
            {
                "caption": (
                    "레바논 평화유지 교대 병력 장병이 출국에 앞서 가족과 인사를 나누고 "
                    "있다."
                ),
                "credit": "사진=이지은 기자",
                "alt_text": (
                    "사막 무늬 전투복을 입은 장병이 공항 출국장에서 어린 자녀를 안고 "
                    "있고, 옆에서 가족들이 웃으며 지켜보는 모습."
                ),
                "motif": "city",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:peacekeeping-rotation-en",
        "language": "en",
        "section": "international",
        "type": "news",
        "headline": (
            "Peacekeeping troops leave for Lebanon: 'We will be guardians of peace "
            "alongside local people'"
        ),
        "alternate_headline": (
            "Send-off for troops rotating into UN Interim Force in Lebanon"
        ),
        "deck": (
            "A fresh rotation of South Korean troops bound for the UN Interim Force in "
            "Lebanon (UNIFIL) has departed after a send-off ceremony."
        ),
        "body": [
            "South Korean troops rotating into the UN Interim Force in Lebanon "
            "(UNIFIL) departed from Incheon International Airport. Earlier, family "
            "members and fellow service members saw them off at a farewell ceremony "
            "held at their unit.",
            "After arriving, the contingent will spend about eight months in southern "
            "Lebanon carrying out surveillance and reconnaissance and supporting "
            "local residents. Before deployment, the troops underwent around two "
            "months of training covering the regional situation, mine and "
            "explosive-hazard response, medical support and basic Arabic.",
            '"We will build on the trust earned by those who served before us and be '
            'guardians of peace alongside the local people," said Col. Yoon '
            'Sung-min, who commands the rotation. "I will make sure every soldier '
            'completes the mission and comes home healthy."',
            "Alongside its monitoring duties, the Korean contingent in southern "
            "Lebanon has for years run civil-military programs, including medical "
            "care, vocational training and school repairs, that have been well "
            "received by local residents.",
        ],
        "reporters": ["lee-ji-eun"],
        "tags": ["International Cooperation", "Peacekeeping", "Troops"],
        "featured": False,
        "hours_ago": 200,
        "photos": [
            {
                "caption": (
                    "A soldier in the Lebanon peacekeeping rotation says goodbye to "
                    "his family before departure."
                ),
                "credit": "Photo by Ji-eun, Lee",
                "alt_text": (
                    "A soldier in desert-pattern uniform holds a young child in an "
                    "airport departure hall while family members beside him smile."
                ),
                "motif": "city",
            },
        ],
        "translation_of": "demo:peacekeeping-rotation-ko",
    },
    # international: asean-talks
    {
        "key": "demo:asean-talks-ko",
        "language": "ko",
        "section": "international",
        "type": "news",
        "headline": "국방부, 아세안 국가들과 국방협력 실무회의…해양안보·방산 협력 논의",
        "alternate_headline": "",
        "deck": (
            "국방부가 아세안 회원국 국방 당국자들과 실무회의를 열고 해양안보와 인도적 "
            "지원, 방산 분야 협력 방안을 논의했다."
        ),
        "body": [
            "국방부는 서울에서 아세안 회원국 국방 당국자들이 참석한 가운데 국방협력 "
            "실무회의를 개최했다고 밝혔다. 회의에는 각국 국방부의 국제협력 담당자들이 "
            "참석해 이틀간 분야별 협력 방안을 논의했다.",
            "참석자들은 해양안보와 재난 대응, 인도적 지원 분야에서 정보 공유와 공동 "
            "훈련을 확대하는 데 의견을 모았다. 특히 해상 재난이 발생했을 때 각국의 "
            "구조 전력이 신속히 협력할 수 있도록 연락 체계를 정례적으로 점검하자는 "
            "제안이 나왔다.",
            "국방부는 회의 기간 국내 방산업체들의 장비 운용 사례를 소개하고, "
            "교육훈련과 후속 군수지원을 포함한 협력 모델을 설명했다. 국방부의 "
            '국제정책 담당자는 "장비를 판매하는 데 그치지 않고 운용과 정비 능력을 '
            '함께 키우는 동반자 관계를 지향한다"고 말했다.',
            "양측은 다음 회의를 아세안 회원국에서 열기로 하고, 그사이 분야별 전문가 "
            "교류를 이어 가기로 했다.",
        ],
        "reporters": ["maeng-su-yeol"],
        "tags": ["국제협력", "국방부", "해양안보"],
        "featured": False,
        "hours_ago": 320,
        "photos": [
            {
                "caption": (
                    "아세안 회원국 국방 당국자들이 국방협력 실무회의에서 기념 촬영을 "
                    "하고 있다."
                ),
                "credit": "국방부 제공",
                "alt_text": (
                    "회의장 단상에 각국 국기가 나란히 세워져 있고, 정장과 군복 차림의 "
                    "참석자 십여 명이 두 줄로 서서 정면을 보고 있다."
                ),
                "motif": "city",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:asean-talks-en",
        "language": "en",
        "section": "international",
        "type": "news",
        "headline": (
            "Defense ministry holds working-level talks with ASEAN countries on "
            "maritime security and industry ties"
        ),
        "alternate_headline": "",
        "deck": (
            "The Ministry of National Defense met defense officials from ASEAN member "
            "states to discuss cooperation on maritime security, humanitarian "
            "assistance and the defense industry."
        ),
        "body": [
            "The Ministry of National Defense said it had hosted working-level "
            "defense cooperation talks in Seoul attended by defense officials from "
            "ASEAN member states. International cooperation officers from each "
            "country's defense ministry discussed cooperation across a range of "
            "fields over two days.",
            "Participants agreed to expand information sharing and joint training in "
            "maritime security, disaster response and humanitarian assistance. One "
            "proposal called for regular checks of liaison channels so that rescue "
            "forces from different countries can work together quickly when disaster "
            "strikes at sea.",
            "During the meeting, the ministry presented examples of how equipment "
            "made by Korean defense firms is being operated and outlined a "
            "cooperation model that includes training and follow-on logistics "
            'support. "We are aiming for partnerships that go beyond selling '
            "equipment and build up operating and maintenance capabilities "
            'together," said an international policy official at the ministry.',
            "The two sides agreed to hold the next meeting in an ASEAN member state "
            "and to continue expert exchanges in individual fields in the meantime.",
        ],
        "reporters": ["maeng-su-yeol"],
        "tags": [
            "International Cooperation",
            "Ministry of National Defense",
            "Maritime Security",
        ],
        "featured": False,
        "hours_ago": 320,
        "photos": [
            {
                "caption": (
                    "Defense officials from ASEAN member states pose for a group photo "
                    "at the working-level defense cooperation talks."
                ),
                "credit": "Courtesy of the Ministry of National Defense",
                "alt_text": (
                    "National flags stand in a row on a conference stage while about a "
                    "dozen participants in suits and uniforms stand in two rows facing "
                    "the camera."
                ),
                "motif": "city",
            },
        ],
        "translation_of": "demo:asean-talks-ko",
    },
    # opinion: opinion-reserves
    {
        "key": "demo:opinion-reserves-ko",
        "language": "ko",
        "section": "opinion",
        "type": "opinion",
        "headline": "[시론] 예비군 훈련, '시간 채우기'에서 '실력 쌓기'로",
        "alternate_headline": "예비전력 정예화는 훈련의 질에서 시작된다",
        "deck": (
            "상비 병력이 줄어드는 시대, 예비군은 전시 전력의 한 축이다. 훈련의 내용과 "
            "방식이 달라져야 한다."
        ),
        "body": [
            "예비군 훈련장에 가 본 사람이라면 한 번쯤 이런 말을 들어 봤을 것이다. "
            '"오늘은 그냥 시간만 채우고 가면 된다." 농담처럼 오가는 이 말에는 '
            "예비군 훈련을 바라보는 우리 사회의 인식이 고스란히 담겨 있다.",
            "그러나 상비 병력이 빠르게 줄어드는 지금, 예비군은 더 이상 '보조 전력'이 "
            "아니다. 전시에 부대의 빈자리를 메우고 후방 지역을 지키는 일은 상당 부분 "
            "예비군의 몫이다. 훈련이 형식에 머문다면 그 공백은 고스란히 안보의 빈틈이 "
            "된다.",
            "변화의 출발점은 훈련의 질이다. 과학화 훈련장에서 모의 교전 장비를 활용한 "
            "실전형 훈련을 늘리고, 개인의 군 경력과 특기를 살린 맞춤형 훈련을 "
            "확대해야 한다. 현역 시절 정비병이었던 예비군에게는 장비 정비를, "
            "의무병이었던 예비군에게는 응급처치 교관 역할을 맡기는 식이다.",
            "훈련에 참여하는 사람에 대한 존중도 함께 가야 한다. 생업을 잠시 내려놓고 "
            "훈련장에 오는 예비군에게 합리적인 보상과 편리한 일정 선택권을 주는 것은 "
            "특혜가 아니라 당연한 예우다. 보상이 현실화될 때 훈련에 임하는 태도도 "
            "달라진다.",
            "예비군 훈련이 '시간 채우기'가 아니라 '실력 쌓기'가 될 때, 우리는 병력 "
            "감소라는 도전 앞에서도 흔들리지 않는 국방의 토대를 갖게 될 것이다.",
        ],
        "reporters": ["han-do-yun"],
        "tags": ["오피니언", "예비군", "국방정책"],
        "featured": False,
        "hours_ago": 120,
        "photos": [],
        "translation_of": None,
    },
    {
        "key": "demo:opinion-reserves-en",
        "language": "en",
        "section": "opinion",
        "type": "opinion",
        "headline": (
            "Opinion: Reserve training must stop killing time and start building skill"
        ),
        "alternate_headline": "A sharper reserve force begins with better training",
        "deck": (
            "As the standing force shrinks, reservists have become a pillar of wartime "
            "strength. What they train on, and how, has to change."
        ),
        "body": [
            "Anyone who has been to a reserve training ground has probably heard it "
            'at least once: "Just put in the hours today and you can go home." '
            "Tossed around like a joke, the line sums up how our society tends to see "
            "reserve training.",
            "But with the standing force shrinking fast, reservists are no longer a "
            "backup. In wartime, much of the job of filling gaps in units and "
            "defending rear areas falls to them. If training remains a formality, "
            "that gap becomes a hole in our security.",
            "Change has to start with the quality of training. Realistic exercises "
            "using simulated engagement systems at modernized ranges should be "
            "expanded, along with training tailored to each reservist's service "
            "record and specialty. A reservist who was a mechanic on active duty "
            "could maintain equipment; a former medic could serve as a first-aid "
            "instructor.",
            "Respect for those who take part must go hand in hand with this. Giving "
            "reservists, who set aside their livelihoods to come to training, fair "
            "compensation and flexible scheduling is not a privilege but the courtesy "
            "they are due. When compensation becomes realistic, attitudes toward "
            "training will change too.",
            "When reserve training becomes a matter of building skill rather than "
            "killing time, we will have a defense foundation that holds firm even in "
            "the face of a shrinking force.",
        ],
        "reporters": ["han-do-yun"],
        "tags": ["Opinion", "Reserve Forces", "Defense Policy"],
        "featured": False,
        "hours_ago": 120,
        "photos": [],
        "translation_of": "demo:opinion-reserves-ko",
    },
    # opinion: opinion-phones
    {
        "key": "demo:opinion-phones-ko",
        "language": "ko",
        "section": "opinion",
        "type": "opinion",
        "headline": "[기자 칼럼] 휴대전화가 바꾼 병영, 남은 숙제는",
        "alternate_headline": "",
        "deck": (
            "일과 후 휴대전화 사용이 자리 잡으면서 병영의 풍경이 달라졌다. 소통은 "
            "늘었지만 새로운 책임도 생겼다."
        ),
        "body": [
            "저녁 점호를 앞둔 생활관. 한 병사는 화상 통화로 부모님께 안부를 전하고, "
            "다른 병사는 자격증 강의를 듣는다. 일과 후 휴대전화 사용이 허용된 이후 "
            "병영에서 흔히 볼 수 있는 풍경이다.",
            "취재 현장에서 만난 장병들은 대체로 이 변화를 반겼다. 가족·친구와 연결돼 "
            "있다는 느낌이 고립감을 덜어 주고, 자기계발의 기회도 넓어졌다는 것이다. "
            "지휘관들 역시 장병들의 고민을 일찍 알아차리는 데 도움이 된다고 입을 "
            "모았다.",
            "그러나 숙제도 분명하다. 보안 수칙 위반이나 온라인 도박, 사이버 괴롭힘 "
            "같은 문제는 휴대전화가 함께 들여온 새로운 위험이다. 통제를 강화하자는 "
            "목소리가 나오는 이유다.",
            "다만 해법이 '다시 걷어 가기'여서는 안 된다고 본다. 장병을 성인으로 "
            "대하고 책임 있는 사용법을 스스로 익히게 하는 것이 더 오래가는 길이다. "
            "디지털 시민 교육을 정례화하고, 문제가 생겼을 때 도움을 청할 수 있는 "
            "창구를 분명히 하는 일이 먼저다.",
            "휴대전화는 병영을 바깥세상과 잇는 창이 됐다. 그 창을 닫기보다, 창 너머를 "
            "바르게 바라보는 법을 함께 배우는 병영이 되기를 기대한다.",
        ],
        "reporters": ["kim-seo-yeon"],
        "tags": ["오피니언", "병영 생활", "장병"],
        "featured": False,
        "hours_ago": 600,
        "photos": [],
        "translation_of": None,
    },
    {
        "key": "demo:opinion-phones-en",
        "language": "en",
        "section": "opinion",
        "type": "opinion",
        "headline": (
            "Reporter's notebook: Phones have changed the barracks. Now comes the "
            "homework"
        ),
        "alternate_headline": "",
        "deck": (
            "With after-hours phone use now routine, life in the barracks looks "
            "different. Soldiers are better connected, but new responsibilities have "
            "come with it."
        ),
        "body": [
            "A barracks room shortly before evening roll call. One soldier is on a "
            "video call with his parents; another is following an online course for a "
            "professional certificate. Since troops were allowed to use their phones "
            "after duty hours, scenes like this have become commonplace.",
            "The soldiers I met while reporting mostly welcomed the change. Staying "
            "connected with family and friends eases the sense of isolation, they "
            "said, and opens up more chances for self-improvement. Commanders agreed "
            "that it helps them spot troops' worries earlier.",
            "The homework is just as clear. Security breaches, online gambling and "
            "cyberbullying are new risks that arrived along with the phones, which is "
            "why some are calling for tighter controls.",
            "Yet the answer should not be to take the phones away again. Treating "
            "soldiers as adults and letting them learn responsible use for themselves "
            "is the more lasting path. Making digital citizenship training routine, "
            "and making clear where troops can turn for help when something goes "
            "wrong, should come first.",
            "The phone has become a window connecting the barracks to the world "
            "outside. Rather than closing it, I hope our barracks will learn together "
            "how to look through it wisely.",
        ],
        "reporters": ["kim-seo-yeon"],
        "tags": ["Opinion", "Barracks Life", "Troops"],
        "featured": False,
        "hours_ago": 600,
        "photos": [],
        "translation_of": "demo:opinion-phones-ko",
    },
    # people: stem-cell-donor
    {
        "key": "demo:stem-cell-donor-ko",
        "language": "ko",
        "section": "people",
        "type": "feature",
        "headline": '"누군가의 가족을 살릴 수 있다면"…조혈모세포 기증한 공군 하사',
        "alternate_headline": (
            "7년 전 기증 희망 등록, 유전자 일치 소식에 망설임 없이 결심"
        ),
        "deck": (
            "공군 항공정비 부사관이 혈액암 환자를 위해 조혈모세포를 기증했다. 7년 전 "
            "기증 희망 등록을 한 뒤 찾아온 기회였다."
        ),
        "body": [
            "공군의 한 전투비행단에서 항공기 정비를 맡고 있는 정유나 하사가 "
            "혈액암으로 투병 중인 환자를 위해 조혈모세포를 기증했다.",
            "정 하사는 대학 시절 헌혈 캠페인에 참여했다가 조혈모세포 기증 희망 등록을 "
            "했다. 그로부터 7년이 지난 올해 초, 유전자형이 일치하는 환자가 나타났다는 "
            "연락을 받았다. 혈연관계가 아닌 사람 사이에서 유전자형이 일치할 확률은 "
            "수만분의 1에 불과한 것으로 알려져 있다.",
            '정 하사는 연락을 받은 날 바로 기증을 결심했다고 한다. 그는 "처음에는 '
            "가족들이 걱정했지만, 환자와 그 가족이 얼마나 간절하게 기다리고 있을지 "
            '생각하니 망설일 이유가 없었다"고 말했다. 부대는 정 하사가 건강검진과 '
            "입원 일정에 맞춰 기증 절차를 밟을 수 있도록 근무를 조정했다.",
            "기증을 마친 정 하사는 회복 기간을 거쳐 정비 현장으로 돌아왔다. 그는 "
            '"전투기를 안전하게 하늘로 올려 보내는 일과 누군가의 생명을 지키는 일은 '
            '결국 같은 마음"이라며 "이식받는 분이 하루빨리 건강을 되찾기를 '
            '바란다"고 전했다.',
        ],
        "reporters": ["lee-ji-eun"],
        "tags": ["사람들", "공군", "나눔"],
        "featured": False,
        "hours_ago": 60,
        "photos": [
            {
                "caption": (
                    "조혈모세포를 기증한 공군 정유나 하사가 비행단 활주로 옆에서 미소 "
                    "짓고 있다."
                ),
                "credit": "공군 제공",
                "alt_text": (
                    "정비복을 입은 여성 부사관이 맑은 하늘 아래 활주로 옆에 서서 "
                    "카메라를 향해 웃고 있고, 뒤편에 전투기 한 대가 보인다."
                ),
                "motif": "sky",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:stem-cell-donor-en",
        "language": "en",
        "section": "people",
        "type": "feature",
        "headline": (
            "'If I can save someone's family': Air Force sergeant donates stem cells"
        ),
        "alternate_headline": (
            "Registered as a donor seven years ago, she said yes the moment a match "
            "was found"
        ),
        "deck": (
            "An Air Force aircraft maintenance NCO has donated blood stem cells to a "
            "patient with blood cancer, seven years after signing up as a potential "
            "donor."
        ),
        "body": [
            "Staff Sgt. Jung Yu-na, who maintains aircraft at an Air Force fighter "
            "wing, has donated blood stem cells to a patient being treated for blood "
            "cancer.",
            "Jung registered as a potential stem cell donor while taking part in a "
            "blood drive at university. Seven years later, early this year, she was "
            "told that a patient with a matching genetic type had been found. The "
            "chance of a match between unrelated people is said to be only one in "
            "tens of thousands.",
            'She says she decided to donate on the day she got the call. "My family '
            "was worried at first, but when I thought about how desperately the "
            "patient and their family must be waiting, there was no reason to "
            'hesitate," she said. Her unit adjusted her duty schedule so she could '
            "attend health checks and be admitted to hospital for the procedure.",
            "After a period of recovery, Jung has returned to the flight line. "
            "\"Sending a fighter safely into the sky and protecting someone's life "
            'come from the same place in the heart," she said. "I hope the '
            'recipient gets well as soon as possible."',
        ],
        "reporters": ["lee-ji-eun"],
        "tags": ["People", "Air Force", "Giving"],
        "featured": False,
        "hours_ago": 60,
        "photos": [
            {
                "caption": (
                    "Staff Sgt. Jung Yu-na, who donated blood stem cells, smiles "
                    "beside the runway at her fighter wing."
                ),
                "credit": "Courtesy of the Air Force",
                "alt_text": (
                    "A female NCO in a maintenance uniform stands beside a runway "
                    "under a clear sky, smiling at the camera, with a fighter jet "
                    "behind her."
                ),
                "motif": "sky",
            },
        ],
        "translation_of": "demo:stem-cell-donor-ko",
    },
    # people: remains-identified
    {
        "key": "demo:remains-identified-ko",
        "language": "ko",
        "section": "people",
        "type": "news",
        "headline": "70여 년 만에 가족 품으로…6·25전쟁 전사자 유해 신원 확인",
        "alternate_headline": "조카의 DNA 시료가 이어 준 귀환",
        "deck": (
            "6·25전쟁 당시 중부전선에서 전사한 국군 용사의 유해가 신원이 확인돼 가족의 "
            "품으로 돌아갔다."
        ),
        "body": [
            "국방부 유해발굴감식단은 6·25전쟁 당시 강원도 중부전선 일대에서 전사한 "
            "고(故) 김순봉 일병의 유해 신원을 확인하고, 고인의 고향 마을에서 유해 "
            "귀환 행사를 열었다고 밝혔다.",
            "고인의 유해는 몇 해 전 강원도의 한 고지에서 부분 유해 상태로 발굴됐다. "
            "함께 출토된 녹슨 수통과 단추 몇 개 말고는 신원을 짐작할 단서가 없었지만, "
            "고인의 조카가 유가족 DNA 시료 채취에 참여하면서 실마리가 풀렸다.",
            "유해발굴감식단의 정밀 분석 결과 두 사람은 친족 관계로 확인됐다. 기록에 "
            "따르면 고인은 스무 살에 입대해 중부전선의 고지 쟁탈전에 참가했다가 "
            "전사했다.",
            '귀환 행사에서 고인의 조카 김정호 씨는 "어머니께서 생전에 늘 작은아버지 '
            '이야기를 하셨다"며 "이제라도 모실 수 있게 돼 감사할 따름"이라고 '
            "말했다. 유해는 국립현충원에 안장될 예정이다.",
            "국방부는 신원 확인에 유가족의 DNA 시료가 무엇보다 중요하다며, 6·25전쟁 "
            "전사자 유가족들에게 시료 채취에 적극적으로 참여해 달라고 당부했다. "
            "국방부의 유해발굴 사업은 마지막 한 분까지 가족의 품으로 모신다는 목표로 "
            "계속된다.",
        ],
        "reporters": ["maeng-su-yeol"],
        "tags": ["사람들", "보훈", "유해발굴"],
        "featured": False,
        "hours_ago": 840,
        "photos": [
            {
                "caption": (
                    "6·25전쟁 전사자 유해 귀환 행사에서 의장대가 태극기로 감싼 "
                    "유해함을 운구하고 있다."
                ),
                "credit": "국방부 제공",
                "alt_text": (
                    "흰 장갑을 낀 의장대원들이 태극기로 덮인 작은 함을 두 손으로 받쳐 "
                    "들고 천천히 걸어가는 모습."
                ),
                "motif": "parade",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:remains-identified-en",
        "language": "en",
        "section": "people",
        "type": "news",
        "headline": (
            "Home after more than 70 years: Korean War soldier's remains identified"
        ),
        "alternate_headline": (
            "A nephew's DNA sample brings a fallen soldier back to his family"
        ),
        "deck": (
            "The remains of a South Korean soldier killed on the central front during "
            "the Korean War have been identified and returned to his family."
        ),
        "body": [
            "The Ministry of National Defense Agency for KIA Recovery and "
            "Identification said it had identified the remains of Pfc. Kim Sun-bong, "
            "who was killed on the central front in Gangwon Province during the "
            "Korean War, and held a homecoming ceremony in his native village.",
            "His partial remains were excavated several years ago on a hilltop in "
            "Gangwon Province. Apart from a rusted canteen and a few buttons found "
            "with them, there was nothing to suggest who he was, until his nephew "
            "provided a DNA sample as part of a program that collects samples from "
            "bereaved families.",
            "Detailed analysis by the agency confirmed that the two men were related. "
            "According to records, Kim enlisted at the age of 20 and was killed in "
            "the fighting for hilltop positions on the central front.",
            '"My mother always talked about my uncle while she was alive," his '
            'nephew, Kim Jeong-ho, said at the ceremony. "I am simply grateful that '
            'we can finally lay him to rest." The remains will be interred at the '
            "National Cemetery.",
            "The ministry stressed that DNA samples from bereaved families are "
            "essential for identification and urged relatives of those killed in the "
            "Korean War to come forward. Its recovery effort continues with the goal "
            "of bringing every last fallen soldier home.",
        ],
        "reporters": ["maeng-su-yeol"],
        "tags": ["People", "Veterans", "War Remains Recovery"],
        "featured": False,
        "hours_ago": 840,
        "photos": [
            {
                "caption": (
                    "An honor guard carries a casket of remains wrapped in the Korean "
                    "national flag at a homecoming ceremony for a Korean War soldier."
                ),
                "credit": "Courtesy of the Ministry of National Defense",
                "alt_text": (
                    "Honor guards in white gloves walk slowly, holding up with both "
                    "hands a small casket draped in the Korean flag."
                ),
                "motif": "parade",
            },
        ],
        "translation_of": "demo:remains-identified-ko",
    },
    # air-force: new-pilots
    {
        "key": "demo:new-pilots-ko",
        "language": "ko",
        "section": "air-force",
        "type": "news",
        "headline": "공군 신임 조종사 고등비행교육 수료…'빨간 마후라' 둘렀다",
        "alternate_headline": "1년여 비행교육 마친 신임 조종사들, 정식 조종사로 첫발",
        "deck": (
            "고등비행교육 과정을 마친 공군 신임 조종사들이 수료식에서 조종 휘장과 빨간 "
            "마후라를 받았다."
        ),
        "body": [
            "공군은 한 비행교육비행단에서 고등비행교육 과정 수료식을 열고 신임 "
            "조종사들에게 조종 휘장과 빨간 마후라를 수여했다고 밝혔다.",
            "수료생들은 입문·기본·고등으로 이어지는 1년여의 비행교육 과정을 거쳤다. "
            "이 기간 계기비행과 편대비행, 공중 기동 등 전투 조종사가 갖춰야 할 "
            "기본기를 익혔고, 단계마다 엄격한 평가를 통과해야 했다.",
            "이날 수료식에서는 과정 최우수 성적을 거둔 서지훈 중위가 참모총장상을 "
            '받았다. 서 중위는 "하늘에 오를 때마다 가르쳐 주신 교관님들의 목소리를 '
            '떠올리겠다"며 "국민이 믿고 하늘을 맡길 수 있는 조종사가 되겠다"고 '
            "소감을 밝혔다.",
            "수료생들은 앞으로 기종별 전환 교육을 거쳐 각 비행단에 배치돼 영공 방위 "
            "임무를 수행하게 된다.",
        ],
        "reporters": ["lee-ji-eun"],
        "tags": ["공군", "조종사", "장병"],
        "featured": False,
        "hours_ago": 940,
        "photos": [
            {
                "caption": (
                    "고등비행교육을 수료한 공군 신임 조종사들이 훈련기 앞에서 빨간 "
                    "마후라를 두르고 경례하고 있다."
                ),
                "credit": "공군 제공",
                "alt_text": (
                    "비행복 차림에 붉은 스카프를 목에 두른 젊은 조종사들이 일렬로 서서 "
                    "거수경례를 하고, 뒤로 파란 하늘과 훈련기 기체가 보인다."
                ),
                "motif": "sky",
            },
        ],
        "translation_of": None,
    },
    {
        "key": "demo:new-pilots-en",
        "language": "en",
        "section": "air-force",
        "type": "news",
        "headline": (
            "New Air Force pilots complete advanced flight training and earn their red "
            "scarves"
        ),
        "alternate_headline": (
            "After more than a year of flight training, graduates take their first "
            "step as qualified pilots"
        ),
        "deck": (
            "Newly qualified Air Force pilots received their pilot wings and the "
            "service's traditional red scarves at a graduation ceremony for the "
            "advanced flight training course."
        ),
        "body": [
            "The Air Force said it had held a graduation ceremony for its advanced "
            "flight training course at a flight training wing, presenting new pilots "
            "with their wings and red scarves.",
            "The graduates went through more than a year of introductory, basic and "
            "advanced flight training. Along the way they mastered the fundamentals "
            "every combat pilot needs, including instrument flying, formation flying "
            "and air combat maneuvers, and had to pass demanding evaluations at each "
            "stage.",
            "First Lt. Seo Ji-hoon, who finished top of the course, received the "
            "Chief of Staff's award. \"Every time I take to the sky, I will remember "
            'the voices of my instructors," he said. "I will become a pilot the '
            'public can trust with their skies."',
            "The graduates will now undergo conversion training on their assigned "
            "aircraft types before being posted to flying wings to defend the "
            "nation's airspace.",
        ],
        "reporters": ["lee-ji-eun"],
        "tags": ["Air Force", "Pilots", "Troops"],
        "featured": False,
        "hours_ago": 940,
        "photos": [
            {
                "caption": (
                    "New Air Force pilots who completed advanced flight training "
                    "salute in front of a trainer aircraft, wearing red scarves."
                ),
                "credit": "Courtesy of the Air Force",
                "alt_text": (
                    "Young pilots in flight suits with red scarves around their necks "
                    "stand in a row saluting, with a blue sky and the fuselage of a "
                    "trainer aircraft behind them."
                ),
                "motif": "sky",
            },
        ],
        "translation_of": "demo:new-pilots-ko",
    },
]

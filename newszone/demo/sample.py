"""The reference page (shared/samples/000_abd866bdb8930981.txt), verbatim,
and a Korean version of the same story written for the demo.

The English text is kept exactly as the paper printed it, glued words
("Republic of KoreaTurkey") included: the copy desk's checks point them out;
the demo does not silently fix them.
"""

MAENG = {
    "slug": "maeng-su-yeol",
    "name_ko": "맹수열",
    "name_en": "Su-Yeol, Maeng",
    "email": "",
    "bio_ko": "국방일보 국방부 출입 기자.",
    "bio_en": "Covers the Ministry of National Defense for the English edition.",
}

SAMPLE_EN = {
    "key": "demo:sample-en",
    "language": "en",
    "section": "photo-news",
    "type": "photo",
    "headline": "Republic of Korea–Turkey Defense Talks in Turkey",
    "alternate_headline": "South Korea–Turkey Defense Talks in Turkey",
    "deck": "",
    "copyright_line": "Copyright The Korea Defense Daily, All rights reserved",
    "body": [
        "On August 6, National Defense Minister Song Young-moo visited the brother "
        "country, Turkey, and held talks with his Turkish counterpart, Hulusi Akar, "
        "over security on the Korean Peninsula and cooperation in the defense "
        "industry. His visit is a follow-up to the Republic of KoreaTurkey Summit "
        "between Republic of Korean President, Moon Jae-in, and Turkey's President, "
        "Erdogan, last May.",
        "Minister Song was greatly welcomed as the first foreign defense minister to "
        "visit Turkey since the country’s change to a presidential system and the "
        "reshuffling of its cabinet. Minister Akar said, “It is more meaningful for "
        "us, since the first foreign minister to visit our country as our friend is "
        "from Republic of Korea.”",
        "During the talks, Minister Song explained the outcomes of the recent "
        "inter-Korean and North KoreaU.S. summits and called for Turkey's active "
        "support and cooperation in efforts toward the complete denuclearization of "
        "the Korean Peninsula and the establishment of a lasting peace.",
        'Minister Akar responded that "Turkey will continue to cooperate with '
        "Republic of Korea for the denuclearization of North Korea, since peace and "
        "stability on the Korean Peninsula are directly linked to regional and "
        "international peace\" and appreciated the Republic of Korean government's "
        "diplomatic efforts to improve inter-Korean relations and establish peace on "
        "the Korean Peninsula.",
        "The two ministers agreed on the expansion and development of the existing "
        "defense exchanges and cooperation between the two countries. “The two sides "
        "agreed to expand defense cooperation and exchanges through a series of "
        "measures, such as ▲exchanging high-level officials, ▲activating bilateral "
        "regular military dialogue, ▲visiting joint exercises, ▲exchanging military "
        "education, and ▲cooperating in military logistics,” the Ministry said.",
        "In Turkey, Minister Song also met Ismail Demir, a top official in charge of "
        "the country’s defense industries, to check the status and hold an in-depth "
        "discussion on the actual measures for improving cooperation in the defense "
        "industry.",
        "At the meeting, the two sides appreciated their close cooperation in the "
        "defense industry, for example, K-9 self-propelled artillery, and agreed on "
        "the need for further cooperation. The two sides agreed to resume within "
        "this year the Joint Committee for Cooperation in the Defense Industry, "
        "which had been established between the Republic of Korean Defense "
        "Acquisition Program Administration and Turkish Defense Industries but was "
        "discontinued in 2014.",
        "The Ministry of National Defense said, “We expect that the cooperation "
        "between the two countries in the defense industry would be invigorated "
        "when the Joint Committee for Cooperation in the Defense Industry resumes.”",
    ],
    "reporters": ["maeng-su-yeol"],
    "tags": ["Turkey", "defense diplomacy", "defense industry", "K-9"],
    "featured": True,
    "hours_ago": 1,
    "photos": [
        {
            "caption": "The defense ministers of the Republic of Korea and Turkey "
            "meet for talks in Turkey on August 6.",
            "credit": "Illustration for the newszone demo",
            "alt_text": "Drawing of two delegations facing each other across a "
            "table, with city buildings behind them.",
            "motif": "city",
        }
    ],
    "translation_of": None,
}

SAMPLE_KO = {
    "key": "demo:sample-ko",
    "language": "ko",
    "section": "photo-news",
    "type": "photo",
    "headline": "한·터키 국방장관회담… 방산협력위원회 연내 재개 합의",
    "alternate_headline": "송영무 장관, 터키 국방장관과 회담",
    "deck": "송영무 국방부 장관이 터키를 방문해 한반도 안보와 방산 협력을 논의했다.",
    "copyright_line": "저작권자 © 국방일보, 무단전재 및 재배포 금지",
    "body": [
        "송영무 국방부 장관은 6일 형제국 터키를 방문해 훌루시 아카르 터키 국방장관과 "
        "회담하고 한반도 안보 정세와 방산 협력 방안을 논의했다. 이번 방문은 지난 5월 "
        "문재인 대통령과 에르도안 터키 대통령의 한·터키 정상회담에 따른 후속 조치다.",
        "송 장관은 터키가 대통령중심제로 전환하고 내각을 개편한 뒤 처음으로 터키를 "
        "방문한 외국 국방장관으로 큰 환대를 받았다. 아카르 장관은 “우리 나라를 찾은 "
        "첫 외국 장관이 친구인 대한민국에서 왔다는 점에서 더욱 뜻깊다”고 말했다.",
        "송영무 장관은 회담에서 최근 남북정상회담과 북·미 정상회담의 성과를 설명하고, "
        "한반도의 완전한 비핵화와 항구적 평화 정착을 위한 노력에 터키의 적극적인 "
        "지지와 협력을 요청했다.",
        "아카르 장관은 “한반도의 평화와 안정은 지역과 세계의 평화에 직결되는 만큼 "
        "터키는 북한 비핵화를 위해 대한민국과 계속 협력하겠다”고 답하고, 남북관계 "
        "개선과 평화 정착을 위한 한국 정부의 외교적 노력을 높이 평가했다.",
        "두 장관은 양국 간 기존 국방 교류협력을 확대·발전시켜 나가기로 했다. 국방부는 "
        "“양측은 ▲고위급 인사 교류 ▲정례 군사회담 활성화 ▲연합훈련 참관 ▲군사교육 "
        "교류 ▲군수 분야 협력 등을 통해 국방 교류협력을 확대하기로 했다”고 밝혔다.",
        "송 장관은 터키 방산 분야 책임자인 이스마일 데미르 방산청장과도 만나 방산 협력 "
        "현황을 점검하고 실질적인 협력 증진 방안을 심도 있게 논의했다.",
        "양측은 K-9 자주포 등 그동안의 긴밀한 방산 협력을 높이 평가하고 협력 확대의 "
        "필요성에 공감했다. 특히 한국 방위사업청과 터키 방산청 사이에 설치됐다가 "
        "2014년 이후 중단된 방산협력위원회를 올해 안에 다시 열기로 합의했다.",
        "국방부는 “방산협력위원회가 재개되면 양국 간 방산 협력이 한층 활성화될 것으로 "
        "기대한다”고 말했다.",
    ],
    "reporters": ["maeng-su-yeol"],
    "tags": ["터키", "국방외교", "방위산업", "K-9"],
    "featured": True,
    "hours_ago": 1,
    "photos": [
        {
            "caption": "송영무 국방부 장관과 아카르 터키 국방장관이 6일 터키에서 "
            "국방장관회담을 하고 있다.",
            "credit": "뉴스존 데모용 그림",
            "alt_text": "도시 건물을 배경으로 두 나라 대표단이 탁자를 사이에 두고 마주 "
            "앉은 모습을 그린 그림.",
            "motif": "city",
        }
    ],
    "translation_of": "demo:sample-en",
}

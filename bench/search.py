"""Search benchmark: a synthetic bilingual archive, both engines, two baselines.

Run from the project root (see bench/README.md)::

    .venv/bin/python bench/search.py --articles 1000000

What it does, in one run:

1. Generates a deterministic Korean/English news corpus (65 % Korean) with a
   pure-Python generator (no Kiwi). For every article it emits both the raw
   text and the analysed term strings in the format ``newszone.search``
   stores, so 1,000,000 articles load in minutes; the analyser's own cost is
   measured separately on real generated text.
2. Measures the analyser (``documents.analysed_fields``, i.e. Kiwi + Snowball)
   on one core, and how far the generator's terms agree with it.
3. For SQLite and for PostgreSQL (each in its own subprocess, since Django
   reads its settings once): bulk-loads the stored analysed terms, builds the
   engine index from them, and times 20 fixed queries through
   ``query.parse()`` and ``get_backend().search()``.
4. On SQLite only, beside them: ``LIKE '%…%'`` over the raw text (what
   WordPress does) and a plain FTS5 ``unicode61`` index over the raw text.

Markdown tables go to stdout, progress to stderr, every figure to
``<workdir>/search-results.json``.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from operator import itemgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KST = timezone(timedelta(hours=9))
START = datetime(2016, 1, 1, tzinfo=KST)  # the archive: ten years of stories
END = datetime(2025, 12, 31, 23, 0, tzinfo=KST)
BATCH = 5_000
PROGRESS_EVERY = 100_000
SQLITE_FILE = "search-bench.sqlite3"
PG_DATABASE = "newszone_bench"
T0 = time.perf_counter()

# Goals from the issue; every goal is stated for 1,000,000 articles.
GOALS = {
    "sqlite_relevance_p95_ms": 25.0,
    "sqlite_newest_p95_ms": 2.0,
    "postgres_relevance_p95_ms": 100.0,
    "build_articles_per_s": 3_000.0,
    "analyzer_ko_articles_per_s": 150.0,
}

# --------------------------------------------------------------------------
# Vocabulary. Korean nouns are written the way Kiwi segments them (checked
# with Kiwi 0.24 when this file was written): "+" joins morphemes of one
# word, "~" marks a morpheme the analyser drops (suffix, prefix, bound noun),
# "#" a kept morpheme that gets no 2/3-syllable heads (a numeral).
# --------------------------------------------------------------------------

KO_NOUNS = {
    "general": """
        정부 관계자 발표 계획 예정 문제 상황 결과 방안 지원 사업 추진
        협의 논의 회의 결정 대응 검토 이번 올해 내년 최근 이후 당시
        오전 오후 국민 사회 지역 전국 세계 국내 해외 시장 가격 정책
        제도 기관 단체 대표 의원 국회 위원회 관련 강화 확대 개선 필요
        가능+~성 의견 입장 설명 강조 주장 요구 비판 우려 기대 전망 분석
        조사 보고서 자료 수준 규모 비율 증가 감소 변화 영향 효과 목표
        성과 과정 단계 방향 계기 현장 주민 시민 전문가 당국 책임자
        담당자 대변인 발언 회견 기자+회견 성명 보도 언론 뉴스 방송
        행사 참석 협약 합의 체결 개최 진행 실시 도입 운영 관리 점검
        평가 보고 제출 승인 허가 발급 공개 공식 일정 기간 내용 부분
        이유 원인 배경 목적 의미 역할 기능 구조 체계 방식 기준 원칙
        조건 대상 범위 분야 부문 측면 지난달 주요""",
    "politics": """
        대통령 청와대 대통령실 여당 야당 더불어민주당 총리 국무총리
        선거 총선 대선 투표 후보 법안 개정안 예산안 국정+감사
        비서실장 장관 차관 청문회 탄핵 지지+~율 여론+조사 정당
        민주주의 헌법 개헌 외교부 통일부 행정+안전부 법무부
        국무+회의 정무+수석 원내+대표 당+대표 최고+위원 공천
        지방+선거 의석 표결 본회의 상임+위원회 국정 국정+과제 인사
        내각 개각 야권 정계 정치+~권 협치 국정+운영 대선+후보
        선거+운동""",
    "defence": """
        국방부 합참 합동+참모+본부 육군 해군 공군 해병대 훈련
        연합+훈련 병력 부대 사단 군단 함정 잠수함 구축함 전투기 헬기
        전차 자주포 미사일 방공 작전 안보 전력 국방+예산 병사 장병
        복무 징병 사령관 사령부 참모+총장 국방+장관 한미+동맹
        주한+미군 전작권 군사 국방 군인 장교 부사관 예비군 훈련장
        기지 비행장 레이더 정찰 감시 경계 대비 태세 억제력 도발 전략
        전술 무기 탄약 장비 전력+~화 현대+~화 군사력 동맹 연합 합동
        기동 공중 지상 지휘관 전역 입대 국군 군사+훈련 방어 요격 방위
        병영 군+복무""",
    "industry_defence": """
        방산 방위+산업 방산업체 방위+사업청 수출 계약 협력 공동+개발
        기술+이전 국산+~화 장갑차 천궁 현궁 군수 조달 입찰
        한화에어로스페이스 현대로템 한국+항공+우주+산업 터키 폴란드 호주
        인도 노르웨이 이집트 핀란드 에스토니아 루마니아
        사우디아라비아 아랍에미리트 수출+~형 수주 방산+수출 협력사
        부품 국산 개발 양산 시험+평가 납품 운용 성능 개량 정비
        군수+지원 사업비 획득 전력+증강 무기+체계 잠수함+사업""",
    "northkorea": """
        북한 김정은 노동당 평양 핵+실험 탄도+미사일 발사 비핵+~화
        남북 정상+회담 대화 협상 제재 유엔 안보리 통일 이산가족
        개성공단 금강산 군사+분계선 ~비+무장+지대 휴전선 탈북민 북측
        남측 핵무기 핵+개발 고체+연료 대륙+~간+탄도+미사일 정찰+위성
        조선중앙통신 노동신문 인민군 국무+위원장 김여정 위협 긴장
        완화 교류 인도+~적 핵+위협 북미""",
    "economy": """
        경제 성장+~률 물가 금리 한국은행 기준+금리 환율 수입 무역
        흑자 적자 증시 코스피 주가 투자 기업 고용 실업+~률 일자리 소비
        부동산 아파트 가계+부채 세금 예산 재정 기획+재정부 경기 침체
        회복 불황 소득 임금 최저+임금 물가+상승+~률 금융 은행 대출
        주식 채권 투자자 자본 자산 부채 수익 손실 매출 이익 영업+이익
        실적 상반기 하반기 무역+수지 경상+수지 수출액 수입액 달러
        엔화 위안화 유가 원자재 ~소+상공인 자영업자 중소기업 ~대+기업
        재벌""",
    "industry": """
        반도체 삼성전자 하이닉스 자동차 현대차 배터리 조선 철강
        석유+화학 디스플레이 스마트폰 생산 공장 설비 공급망 ~신+사업
        전기+차 수소+차 파운드리 메모리 시스템+반도체 조선업 선박
        건설 플랜트 산업부 산업+통상+자원부 제조업 산업 업계 업체
        경쟁력 점유+~율 ~신+제품 출시 판매 생산량 가동+~률 협력+업체
        부품+업체""",
    "world": """
        미국 중국 일본 러시아 유럽 유럽연합 영국 프랑스 독일 우크라이나
        중동 이스라엘 이란 나토 백악관 국무부 트럼프 바이든 시진핑
        푸틴 정상 회담 외교 분쟁 전쟁 휴전 난민 외교관 대사 대사관
        국제+사회 국제 정상+회의 워싱턴 베이징 도쿄 모스크바 브뤼셀
        유엔+총회 인도태평양 동맹국 중재 평화 협정 조약 관세
        무역+전쟁""",
    "society": """
        경찰 검찰 법원 재판 판결 사건 사고 화재 교통사고 재난 안전
        코로나 방역 병원 의료 환자 교육 학교 학생 대학 입시 노동 노조
        파업 복지 연금 저출산 고령+~화 인구 청년 노인 어린이 가족
        주거 범죄 수사 기소 구속 피해자 피의자 소방 실종 사망 부상
        날씨 폭우 폭염 태풍 지진 미세+먼지 환경 쓰레기 교사 의사
        간호사""",
    "science": """
        과학 기술 연구 인공+지능 우주 위성 발사체 누리+~호 통신
        소프트웨어 데이터 플랫폼 로봇 바이오 백신 원전 에너지 탄소
        기후 연구원 연구진 과학자 실험 논문 특허 혁신 디지털 인터넷
        보안 해킹 반도체+기술 양자 클라우드 스타트업 벤처
        과학+기술+정보+통신부 탄소+중립 재생+에너지 태양광 풍력
        원자력 수소""",
    "culture": """
        문화 영화 드라마 음악 공연 축제 관광 한류 예술 작가 소설
        스포츠 축구 야구 올림픽 배우 감독 가수 관객 작품 콘서트
        박물관 미술관 전통 역사 유산 출판 서점 게임 웹툰 선수 대회
        우승 월드컵""",
    "opinion": """
        사설 칼럼 논평 기고 시각 제언 과제 교훈 책임 신뢰 반성 성찰
        상식 공정 정의 갈등 통합 미래 위기 리더십 개혁 소통 공감 균형
        대안 해법""",
}

# Sentence-final and linking predicates: (surface, analysed terms).
KO_PREDICATES = [
    ("밝혔다.", "밝히다"),
    ("말했다.", "말"),
    ("전했다.", "전하다"),
    ("강조했다.", "강조"),
    ("설명했다.", "설명"),
    ("덧붙였다.", "덧붙이다"),
    ("예정이다.", "예정"),
    ("계획이다.", "계획"),
    ("나섰다.", "나서다"),
    ("늘었다.", "늘다"),
    ("줄었다.", "줄다"),
    ("올랐다.", "오르다"),
    ("보인다.", "보이다"),
    ("높였다.", "높이다"),
    ("열렸다.", "열리다"),
    ("합의했다.", "합의"),
    ("발표했다.", "발표"),
    ("논의했다.", "논의"),
    ("추진한다.", "추진"),
    ("지적했다.", "지적"),
    ("우려했다.", "우려"),
    ("기대된다.", "기대"),
    ("전망이다.", "전망"),
    ("방침이다.", "방침"),
    ("어렵다.", "어렵다"),
    ("중요하다.", "중요"),
    ("했다.", "하다"),
    ("된다.", "되다"),
    ("없다.", "없다"),
    ("것으로 나타났다.", "나타나다"),
    ("것으로 알려졌다.", "알려지다"),
    ("밝혔다고", "밝히다"),
    ("검토하고", "검토"),
    ("강화하기로", "강화"),
    ("확대할", "확대"),
    ("참석한", "참석"),
    ("새로운", "새롭다"),
    ("열린", "열리다"),
    ("따르면", "따르다"),
    ("위한", "위하다"),
    ("통해", "통하다"),
    ("대해", "대하다"),
    ("위해", "위하다"),
    ("지난", "지나다"),
]
# Words the analyser drops entirely (adverbs, determiners, bound nouns).
KO_FUNCTION = (
    "함께 또한 특히 이미 다시 가장 더 및 등 등을 이같이 현재 앞서 한편 모든 각 여러"
)
KO_LATIN = "NATO AI GDP UN KF-21 FA-50 F-35A SM-3 THAAD IMF OECD CEO 5G K2 KTX"
# (family name, romanisation, weight); given-name syllables with romanisation.
FAMILY = [
    ("김", "Kim", 21),
    ("이", "Lee", 15),
    ("박", "Park", 8),
    ("최", "Choi", 5),
    ("정", "Jung", 5),
    ("강", "Kang", 2.3),
    ("조", "Cho", 2.1),
    ("윤", "Yoon", 2.1),
    ("장", "Jang", 2),
    ("임", "Lim", 1.7),
    ("한", "Han", 1.5),
    ("오", "Oh", 1.5),
    ("서", "Seo", 1.5),
    ("신", "Shin", 1.5),
    ("권", "Kwon", 1.4),
    ("황", "Hwang", 1.4),
    ("안", "Ahn", 1.4),
    ("송", "Song", 1.4),
    ("전", "Jeon", 1.3),
    ("홍", "Hong", 1.1),
    ("유", "Yoo", 1.1),
    ("고", "Ko", 0.9),
    ("문", "Moon", 0.9),
    ("양", "Yang", 0.9),
    ("손", "Son", 0.9),
    ("배", "Bae", 0.8),
    ("백", "Baek", 0.7),
    ("허", "Heo", 0.6),
    ("남", "Nam", 0.5),
    ("노", "Noh", 0.5),
]
GIVEN = (
    "민:min 서:seo 지:ji 현:hyun 준:jun 우:woo 영:young 수:su 진:jin 호:ho "
    "성:sung 하:ha 은:eun 예:ye 윤:yoon 재:jae 동:dong 상:sang 정:jung "
    "경:kyung 태:tae 희:hee 연:yeon 도:do 원:won 혜:hye 주:joo 유:yu "
    "승:seung 석:seok 훈:hoon 채:chae 다:da 시:si 건:gun 한:han 미:mi "
    "숙:sook 철:chul 용:yong 기:ki 종:jong 광:kwang 명:myung 아:a 인:in "
    "환:hwan 규:kyu 보:bo 나:na 소:so 선:sun 무:moo"
)

EN_FUNCTION = {
    "the": 60,
    "of": 28,
    "to": 26,
    "and": 25,
    "a": 21,
    "in": 21,
    "for": 9,
    "on": 8,
    "that": 8,
    "with": 6,
    "is": 6,
    "was": 5,
    "by": 5,
    "at": 5,
    "as": 5,
    "from": 5,
    "it": 4,
    "has": 4,
    "have": 4,
    "be": 4,
    "will": 4,
    "its": 3,
    "their": 3,
    "which": 3,
    "this": 3,
    "were": 3,
    "are": 3,
    "an": 3,
    "or": 2,
    "who": 2,
    "but": 3,
    "not": 2,
    "more": 2,
    "than": 1,
    "over": 1,
    "about": 2,
    "would": 2,
    "been": 2,
    "had": 2,
    "they": 2,
    "he": 3,
    "she": 1,
    "we": 1,
    "could": 1,
    "other": 1,
    "also": 2,
    "after": 2,
    "while": 1,
    "including": 1,
    "since": 1,
    "during": 1,
    "between": 1,
    "against": 1,
    "amid": 0.5,
    "under": 1,
    "according": 1,
}

# English content words by topic; "/" joins the inflections of one word.
EN_WORDS = {
    "general": """
        say/says/said/saying official/officials government/governments
        plan/plans/planned/planning year/years week/weeks month/months
        report/reports/reported/reporting statement/statements
        meeting/meetings agree/agrees/agreed/agreeing
        announce/announces/announced/announcing expect/expects/expected
        increase/increases/increased/increasing country/countries people
        national public policy/policies issue/issues
        support/supports/supported/supporting add/adds/added percent
        million billion first new last next two three however further
        major recent local foreign international
        discuss/discusses/discussed/discussing decision/decisions
        measure/measures effort/efforts plan official response
        spokesman spokeswoman source/sources region/regions
        include/includes/included continue/continues/continued
        hold/holds/held/holding visit/visits/visited/visiting""",
    "politics": """
        president/presidents presidential office assembly
        lawmaker/lawmakers party/parties opposition ruling
        election/elections vote/votes/voted/voting candidate/candidates
        bill/bills law/laws prime cabinet approval rating poll/polls
        impeachment parliament parliamentary campaign/campaigns
        Democratic People Power constitution constitutional
        minister/ministers ministry reform/reforms chief/chiefs
        secretary administration leader/leaders politics political""",
    "defence": """
        defense military army navy air force/forces troop/troops
        drill/drills exercise/exercises soldier/soldiers weapon/weapons
        missile/missiles fighter jet/jets tank/tanks howitzer/howitzers
        submarine/submarines destroyer/destroyers command
        commander/commanders alliance allied security deterrence
        readiness operation/operations deploy/deploys/deployed/deploying
        deployment joint staff border base/bases radar surveillance USFK
        combat conscription service veteran/veterans warship/warships
        marine/marines general/generals strategy strategic""",
    "industry_defence": """
        arms export/exports/exported/exporting contract/contracts
        deal/deals industry/industries cooperation
        cooperate/cooperates/cooperated/cooperating
        manufacturer/manufacturers Hanwha Aerospace Hyundai Rotem KAI
        procurement DAPA Turkey Turkey's Turkish Poland Polish Australia
        Norway Egypt Romania technology/technologies transfer production
        produce/produces/produced/producing localization
        delivery/deliveries deliver/delivers/delivered/delivering
        order/orders sign/signs/signed/signing talk/talks/talked/talking
        negotiation/negotiations KF-21 Redback Chunmoo partner/partners
        partnership""",
    "northkorea": """
        North Korea Korean/Koreans Pyongyang Jong-un nuclear
        test/tests/tested/testing launch/launches/launched/launching
        ballistic provocation/provocations denuclearization sanctions
        inter-Korean unification dialogue summit/summits regime KCNA
        satellite/satellites threat/threats
        threaten/threatens/threatened/threatening tension/tensions DMZ
        defector/defectors Yo-jong""",
    "economy": """
        economy/economies economic growth inflation rate/rates interest
        bank/banks central won dollar/dollars trade surplus deficit
        stock/stocks market/markets KOSPI investment/investments
        invest/invests/invested/investing investor/investors
        company/companies job/jobs employment unemployment
        consumer/consumers spending housing price/prices debt tax/taxes
        budget/budgets fiscal revenue profit/profits quarter/quarters
        forecast/forecasts recession recovery finance financial""",
    "industry": """
        semiconductor/semiconductors chip/chips chipmaker/chipmakers
        Samsung Electronics SK hynix automaker/automakers car/cars
        vehicle/vehicles electric battery/batteries shipbuilding
        shipbuilder/shipbuilders steel display/displays
        smartphone/smartphones plant/plants factory/factories supply
        chain/chains memory foundry output sales shipment/shipments
        manufacturing""",
    "world": """
        United States U.S. China Chinese Japan Japanese Russia Russian
        Europe European Union Britain France Germany Ukraine Ukrainian
        Middle East Israel Iran NATO Washington Beijing Tokyo Moscow
        White House State Department diplomat/diplomats diplomatic
        ambassador embassy war/wars ceasefire conflict/conflicts
        refugee/refugees tariff/tariffs Indo-Pacific ally/allies peace
        treaty UN""",
    "society": """
        police prosecutor/prosecutors prosecution court/courts trial
        verdict case/cases accident/accidents fire/fires
        disaster/disasters safety COVID-19 pandemic hospital/hospitals
        doctor/doctors patient/patients school/schools student/students
        university/universities union/unions strike/strikes
        worker/workers labor welfare pension/pensions birth population
        aging youth elderly crime investigation/investigations
        arrest/arrests/arrested victim/victims weather rain heat typhoon
        earthquake environment""",
    "science": """
        science scientific research researcher/researchers artificial
        intelligence AI space rocket Nuri telecom software data
        platform/platforms robot/robots biotech vaccine/vaccines energy
        carbon climate renewable solar wind hydrogen startup/startups
        innovation digital internet cybersecurity hacking quantum cloud""",
    "culture": """
        culture cultural film/films movie/movies drama/dramas music K-pop
        BTS concert/concerts festival/festivals tourism tourist/tourists
        art/arts artist/artists novel/novels writer/writers sport/sports
        football baseball Olympics player/players team/teams
        match/matches win/wins/winning champion championship
        museum/museums exhibition/exhibitions game/games
        webtoon/webtoons actor/actors director/directors
        audience/audiences Hallyu""",
    "opinion": """
        editorial column opinion view/views lesson/lessons responsibility
        trust leadership unity future crisis challenge/challenges fairness
        justice compromise balance solution/solutions should must
        need/needs/needed""",
}
EN_CODES = "2016 2017 2018 2019 2020 2021 2022 2023 2024 2025 K2 KF-21 $1.2 3.5 10 20"

# (id, parent, ko name, en name, topic keys, weight): the real app stores a
# story's section with all its ancestors, so section 3 is stored as "2 3".
SECTIONS = [
    (1, None, "정치", "Politics", ("politics",), 10),
    (2, None, "국방", "Defence", ("defence",), 14),
    (3, 2, "방산", "Defence industry", ("industry_defence", "defence"), 10),
    (4, 2, "북한", "North Korea", ("northkorea", "defence"), 8),
    (5, None, "경제", "Economy", ("economy",), 10),
    (6, 5, "산업", "Industry", ("industry", "economy"), 8),
    (7, None, "국제", "World", ("world",), 10),
    (8, None, "사회", "Society", ("society",), 10),
    (9, None, "과학기술", "Science", ("science",), 6),
    (10, None, "문화", "Culture", ("culture",), 5),
    (11, None, "오피니언", "Opinion", ("opinion", "politics"), 4),
    (12, 11, "사설", "Editorials", ("opinion", "politics"), 5),
]

ZIPF_S = 0.9
HEAD_OFFSET = 30  # Zipf–Mandelbrot offset: a flatter head of real words
HEAD_TABLE = 2**16  # sampling tables (see sampling_table); drawn 16 bits
TITLE_TABLE = 2**16
TAIL_BITS = 20
TAIL_TABLE = 2**TAIL_BITS
N_NAMES = 15_000
N_COMPOUNDS = 20_000
N_EN_TAIL = 20_000
N_REPORTERS = 300
REPORTER_QUERY_RANK = 12  # the query by reporter asks for this reporter

HANGUL = re.compile(r"[\uac00-\ud7a3]")
QUOTED = re.compile(r'"([^"]+)"')

# The 20 fixed queries. Dates are KST days; date_to is exclusive.
QUERIES = [
    {"name": "ko rare name", "q": "송영무"},
    {"name": "ko 2-syllable head", "q": "국방"},
    {"name": "ko country", "q": "터키"},
    {"name": "ko common", "q": "장관"},
    {"name": "ko very common", "q": "대통령"},
    {"name": "ko compound", "q": "방산협력위원회"},
    {"name": "ko compound part", "q": "방산협력"},
    {"name": "ko two words", "q": "북한 미사일"},
    {"name": "en two words", "q": "defense talks"},
    {"name": "en stem", "q": "talk"},
    {"name": "en common", "q": "minister"},
    {"name": "en phrase", "q": '"defense talks"'},
    {"name": "en two words 2", "q": "semiconductor exports"},
    {"name": "headline scope", "q": "국방", "scope": "headline"},
    {
        "name": "section + date",
        "q": "장관",
        "section_ids": [2],
        "date_from": "2019-01-01",
        "date_to": "2020-01-01",
    },
    {"name": "language + photo", "q": "K-9", "language": "ko", "photo": True},
    {"name": "newest, common", "q": "대통령", "sort": "newest"},
    {"name": "newest, rare", "q": "송영무", "sort": "newest"},
    {
        "name": "newest, section + date",
        "q": "talk",
        "sort": "newest",
        "section_ids": [5],
        "date_from": "2023-01-01",
        "date_to": "2024-01-01",
    },
    {
        "name": "newest, reporter scope",
        "q": "<reporter>",  # a generated reporter's Korean name
        "scope": "reporter",
        "sort": "newest",
    },
]


def log(message: str) -> None:
    print(f"[{time.perf_counter() - T0:8.1f}s] {message}", file=sys.stderr, flush=True)


def zipf(n: int, offset: int = 0) -> list[float]:
    return [1.0 / (rank + offset) ** ZIPF_S for rank in range(1, n + 1)]


def has_batchim(word: str) -> bool:
    last = word[-1]
    return HANGUL.match(last) is not None and (ord(last) - 0xAC00) % 28 != 0


def ends_in_rieul(word: str) -> bool:
    return (ord(word[-1]) - 0xAC00) % 28 == 8


def heads(noun: str) -> list[str]:
    """As analyzers._heads: 국방부 → [국방]; 방위사업청 → [방위, 방위사]."""
    return [noun[:n] for n in (2, 3) if len(noun) > n]


def join(left: str, right: str) -> list[str]:
    """As analyzers: the join token between two Korean nouns, or none."""
    from newszone.search.analyzers import join_token

    if HANGUL.match(left) and HANGUL.match(right):
        return [join_token(left, right)]
    return []


def ko_word(encoded: str) -> tuple[str, list[str], list[str]]:
    """An encoded noun → (surface, terms, extras) as the analyser yields them."""
    parts = encoded.split("+")
    surface, terms, extras = "", [], []
    for part in parts:
        if part.startswith("~"):
            surface += part[1:]
            continue
        bare = part.rstrip("#")
        surface += bare
        if terms:  # glued nouns: a compound
            terms += join(terms[-1], bare.casefold())
        terms.append(bare.casefold())
        if not part.endswith("#") and HANGUL.match(bare):
            extras.extend(heads(bare))
    if len(parts) > 1:  # a run of glued nouns: its surface is an extra term
        run = surface[:-1] if surface.endswith("들") else surface
        if len(run) >= 2:
            extras.append(run)
    return surface, terms, extras


# Particles: (after a final consonant, after a vowel, weight).
PARTICLES = [
    ("은", "는", 14),
    ("이", "가", 14),
    ("을", "를", 16),
    ("과", "와", 7),
    ("으로", "로", 6),
    ("의", "의", 12),
    ("에", "에", 9),
    ("에서", "에서", 5),
    ("도", "도", 4),
    ("까지", "까지", 1),
    ("에게", "에게", 1),
    ("만", "만", 1),
    ("보다", "보다", 1),
]
PARTICLE_CUM = list(itertools.accumulate(p[2] for p in PARTICLES))


def particle(word: str, rng: random.Random) -> str:
    after_c, after_v, _ = PARTICLES[
        bisect.bisect(PARTICLE_CUM, rng.random() * PARTICLE_CUM[-1])
    ]
    if not HANGUL.match(word[-1]):
        return ""
    if after_c == "으로":
        return "로" if (not has_batchim(word) or ends_in_rieul(word)) else "으로"
    return after_c if has_batchim(word) else after_v


def sampling_table(units, weights, size: int) -> list:
    """Exactly ``size`` slots, ``units`` repeated in proportion to ``weights``.

    Drawing a slot at random then draws a unit by weight; with ``size`` a
    power of two, a batch of slot numbers comes from one ``randbytes()`` call,
    so no Python code runs per draw (``random.choices`` with ``cum_weights``
    costs 0.6–2 µs a draw on this machine, several times slower).
    """
    scale = size / sum(weights)
    exact = [w * scale for w in weights]
    counts = [max(1, int(x)) for x in exact]
    short = size - sum(counts)
    if short > 0:  # largest remainders first
        order = sorted(range(len(exact)), key=lambda i: int(exact[i]) - exact[i])
        for i in itertools.islice(itertools.cycle(order), short):
            counts[i] += 1
    while short < 0:  # a long tail of one-slot units: take from the largest
        for i in sorted(range(len(counts)), key=counts.__getitem__, reverse=True):
            if short == 0 or counts[i] <= 1:
                break
            counts[i] -= 1
            short += 1
    table = []
    for item, count in zip(units, counts, strict=True):
        table.extend(itertools.repeat(item, count))
    assert len(table) == size
    return table


class Population:
    """Groups of units (surface, terms, extras), each with a share of draws."""

    def __init__(self):
        self.units: list[tuple[str, str, str]] = []
        self.groups: list[tuple[list[float], float]] = []

    def add(self, units, weights, share):
        self.units.extend(units)
        self.groups.append((list(weights), share))

    def table(self, size: int, reweight=None) -> list:
        """A sampling table; ``reweight(group_index, weights)`` may change them."""
        flat = []
        for index, (weights, share) in enumerate(self.groups):
            if reweight is not None:
                weights = reweight(index, weights)
            scale = share / sum(weights)
            flat += [w * scale for w in weights]
        return sampling_table(self.units, flat, size)


def unit(surface: str, terms: list[str], extras: list[str], lead="", tail=""):
    """(surface, terms, extras, lead, tail): ``lead`` the Korean noun that
    begins it and ``tail`` the one that ends it bare (no particle after), so
    that the stream joins a unit with the next as the analyser does."""
    return (surface, " ".join(terms), " ".join(extras), lead, tail)


def noun_unit(surface: str, terms: list[str], extras: list[str], bare: bool):
    """A unit of nouns, ``bare`` or with a particle after the last."""
    first, last = (terms[0], terms[-1]) if terms else ("", "")
    lead = first if HANGUL.match(first or "_") else ""
    tail = last if bare and HANGUL.match(last or "_") else ""
    return unit(surface, terms, extras, lead, tail)


def joined_terms(units) -> str:
    """The terms of units in a row, a join token wherever one ends bare on a
    Korean noun and the next begins with one (방산 협력을)."""
    out, tail = [], ""
    for _surface, terms, _extras, lead, next_tail in units:
        if tail and lead:
            out += join(tail, lead)
        if terms:
            out.append(terms)
        tail = next_tail
    return " ".join(out)


class Corpus:
    """A deterministic article stream; see the module docstring.

    Each article draws its body from its section's distribution (topic words
    boosted; Zipf s≈0.9 over ranks) plus a shared long tail (generated names,
    compounds, English rare words) on every 5th/7th token, and a few planted
    query words at fixed rates.
    """

    def __init__(self, seed: int):
        from newszone.search.analyzers import LATIN, latin_term

        self.seed = seed
        self._latin = LATIN
        self._latin_term = latin_term
        build = random.Random(seed)
        self._sections(build)
        self._names(build)
        self._reporters(build)
        self._korean(build)
        self._english(build)
        self._plants()

    # ---- shared tables -------------------------------------------------

    def _en_terms(self, text: str) -> list[str]:
        terms = map(self._latin_term, self._latin.findall(text))
        return [t for t in terms if t]

    def _sections(self, rng):
        by_id = {s[0]: s for s in SECTIONS}
        self.section_list = [s[0] for s in SECTIONS]
        self.section_cum = list(itertools.accumulate(s[5] for s in SECTIONS))
        self.section_ids = {}
        self.section_meta = {}
        for sid, parent, *_ in SECTIONS:
            chain = [sid] + ([parent] if parent else [])
            while by_id[chain[-1]][1]:
                chain.append(by_id[chain[-1]][1])
            ids = sorted(set(chain))
            self.section_ids[sid] = " ".join(map(str, ids))
            self.section_meta[sid] = " ".join(f"s_{i}" for i in ids)

    def _names(self, rng):
        family_cum = list(itertools.accumulate(f[2] for f in FAMILY))
        given = [pair.split(":") for pair in GIVEN.split()]
        seen, names = set(), []
        while len(names) < N_NAMES + N_REPORTERS:
            family = FAMILY[bisect.bisect(family_cum, rng.random() * family_cum[-1])]
            (g1, r1), (g2, r2) = rng.choice(given), rng.choice(given)
            ko = family[0] + g1 + g2
            if ko in seen or g1 == g2:
                continue
            seen.add(ko)
            # As the app stores them: "Ji-eun, Lee".
            names.append((ko, f"{r1.capitalize()}-{r2}, {family[1]}"))
        self.names = names[:N_NAMES]
        self.reporter_names = names[N_NAMES:]

    def _reporters(self, rng):
        """Reporter id → (ko, en, terms, extras, raw) pieces of reporter_terms."""
        self.reporters = []
        for ko, en in self.reporter_names:
            terms = [ko, *self._en_terms(en)]
            raw = [ko, en.replace(" ", "").replace(",", "").casefold()]
            self.reporters.append((ko, en, terms, heads(ko), raw))
        self.reporter_cum = list(itertools.accumulate(zipf(N_REPORTERS)))
        order = list(range(1, N_REPORTERS + 1))
        rng.shuffle(order)
        self.reporter_ids = order  # rank → reporter id
        self.single_reporter = {
            i: " ".join(r[2] + r[3] + r[4]) for i, r in enumerate(self.reporters)
        }

    def reporter_for_query(self) -> str:
        return self.reporter_names[self.reporter_ids[REPORTER_QUERY_RANK] - 1][0]

    # ---- Korean --------------------------------------------------------

    def _ranked(self, items, topic_of, topics, salt) -> list[float]:
        """Zipf–Mandelbrot weights: the section's topics and general words first."""
        order = list(range(len(items)))
        random.Random(self.seed * 1000 + salt).shuffle(order)
        preferred = set(topics) | {"general"}
        order.sort(key=lambda i: topic_of[items[i]] not in preferred)
        weights = [0.0] * len(items)
        for rank, index in enumerate(order, start=1):
            weights[index] = 1.0 / (rank + HEAD_OFFSET) ** ZIPF_S
        return weights

    def _korean(self, rng):
        nouns, topic_of = [], {}
        for topic, words in KO_NOUNS.items():
            for encoded in words.split():
                if encoded not in topic_of:
                    topic_of[encoded] = topic
                    nouns.append(encoded)
        analysed = {e: ko_word(e) for e in nouns}
        latin = KO_LATIN.split()

        # Each noun bare (30 %) and with three particles picked for it.
        head = Population()
        units = []
        for encoded in nouns:
            surface, terms, extras = analysed[encoded]
            units.append(noun_unit(surface, terms, extras, bare=True))
            for _ in range(3):
                with_particle = surface + particle(surface, rng)
                units.append(noun_unit(with_particle, terms, extras, bare=False))
        head.add(units, [1.0] * len(units), 0.70)
        head.add(
            [unit(s, [t], []) for s, t in KO_PREDICATES],
            zipf(len(KO_PREDICATES), offset=3),
            0.14,
        )
        function = KO_FUNCTION.split()
        head.add([unit(w, [], []) for w in function], zipf(len(function)), 0.08)
        numbers = [unit(f"{y}년", [str(y)], [f"{y}년"]) for y in range(2010, 2027)]
        numbers += [unit(f"{m}월", [str(m)], [f"{m}월"]) for m in range(1, 13)]
        numbers += [unit(f"{d}일", [str(d)], [f"{d}일"]) for d in range(1, 32)]
        numbers += [
            unit(f"{n}명", [str(n)], [f"{n}명"]) for n in (2, 3, 5, 10, 30, 100, 500)
        ]
        numbers += [unit(f"{n}%", [str(n)], []) for n in (1, 2, 3, 5, 10, 20, 50)]
        numbers += [unit(f"{n}억 원", [str(n), "억"], [f"{n}억"]) for n in (3, 50, 700)]
        head.add(numbers, [1.0] * len(numbers), 0.06)
        head.add(
            [unit(w, self._en_terms(w), []) for w in latin],
            zipf(len(latin), offset=5),
            0.02,
        )

        titles = [noun_unit(*analysed[e], bare=True) for e in nouns]
        self.ko_head, self.ko_title = {}, {}
        variant = [0.3, 0.7 / 3, 0.7 / 3, 0.7 / 3]
        for sid, _parent, _ko, _en, topics, _w in SECTIONS:
            noun_weight = self._ranked(nouns, topic_of, topics, sid)

            def reweight(group, weights, noun_weight=noun_weight):
                if group != 0:
                    return weights
                return [
                    noun_weight[i // 4] * variant[i % 4] for i in range(len(weights))
                ]

            self.ko_head[sid] = head.table(HEAD_TABLE, reweight)
            self.ko_title[sid] = sampling_table(titles, noun_weight, TITLE_TABLE)

        # The shared tail: compounds of real nouns, and generated names.
        tail_units, tail_weights = [], []
        plain = [e for e in nouns if "+" not in e and len(e) in (2, 3)]
        seen = set()
        while len(seen) < N_COMPOUNDS:
            a, b = rng.choice(plain), rng.choice(plain)
            if a != b:
                seen.add(a + "+" + b)
        compounds = sorted(seen)
        rng.shuffle(compounds)
        comp_weight = zipf(len(compounds), offset=200)
        for encoded, weight in zip(compounds, comp_weight, strict=True):
            surface, terms, extras = ko_word(encoded)
            tail_units.append(noun_unit(surface, terms, extras, bare=True))
            with_particle = surface + particle(surface, rng)
            tail_units.append(noun_unit(with_particle, terms, extras, bare=False))
            tail_weights += [weight * 0.75 * 0.3, weight * 0.75 * 0.7]
        name_weight = zipf(len(self.names), offset=100)
        titles = [""] * 8 + [" 대변인", " 장관", " 의원", " 교수", " 대표", " 연구원"]
        for (ko, _en), weight in zip(self.names, name_weight, strict=True):
            title_word = rng.choice(titles)
            word = title_word.strip() or ko
            name_unit = ko + title_word
            terms = [ko]
            if title_word:  # "송영무 장관": the name ends bare
                terms += join(ko, title_word.strip()) + [title_word.strip()]
            extras = heads(ko) + (heads(title_word.strip()) if title_word else [])
            tail_units.append(noun_unit(name_unit, terms, extras, bare=True))
            with_particle = name_unit + particle(word, rng)
            tail_units.append(noun_unit(with_particle, terms, extras, bare=False))
            tail_weights += [weight * 0.25 * 0.3, weight * 0.25 * 0.7]
        # Normalise the two parts to their shares before building the table.
        comp_total = sum(tail_weights[: 2 * len(compounds)])
        name_total = sum(tail_weights[2 * len(compounds) :])
        tail_weights = [
            w * 0.75 / comp_total for w in tail_weights[: 2 * len(compounds)]
        ] + [w * 0.25 / name_total for w in tail_weights[2 * len(compounds) :]]
        self.ko_tail = sampling_table(tail_units, tail_weights, TAIL_TABLE)
        self.ko_title_tail = sampling_table(
            tail_units[::2], tail_weights[::2], TAIL_TABLE
        )
        self.ko_unit_chars = self._mean_chars(self.ko_head[2], 0.8)
        self.ko_unit_chars += self._mean_chars(self.ko_tail, 0.2)

    # ---- English -------------------------------------------------------

    def _english(self, rng):
        words, topic_of = [], {}
        for topic, text in EN_WORDS.items():
            for group in text.split():
                if group not in topic_of:
                    topic_of[group] = topic
                    words.append(group)
        head = Population()
        function = list(EN_FUNCTION)
        head.add(
            [unit(w, self._en_terms(w), []) for w in function],
            [EN_FUNCTION[w] for w in function],
            0.42,
        )
        # Every form of a word, plain (88 %) and ending a sentence (12 %).
        units, owners, form_weights = [], [], []
        for index, group in enumerate(words):
            forms = group.split("/")
            for n, form in enumerate(forms):
                share = 1.0
                if len(forms) > 1:
                    share = 0.55 if n == 0 else 0.45 / (len(forms) - 1)
                terms = self._en_terms(form)
                units.append(unit(form, terms, []))
                units.append(unit(form + ".", terms, []))
                owners += [index, index]
                form_weights += [share * 0.88, share * 0.12]
        head.add(units, [1.0] * len(units), 0.53)
        codes = EN_CODES.split()
        head.add(
            [unit(c, self._en_terms(c), []) for c in codes], [1.0] * len(codes), 0.05
        )
        self.en_head, self.en_title = {}, {}
        for sid, _parent, _ko, _en, topics, _w in SECTIONS:
            word_weight = self._ranked(words, topic_of, topics, 100 + sid)
            weights = [
                word_weight[o] * f for o, f in zip(owners, form_weights, strict=True)
            ]

            def reweight(group, old, weights=weights):
                return weights if group == 1 else old

            self.en_head[sid] = head.table(HEAD_TABLE, reweight)
            self.en_title[sid] = sampling_table(units[::2], weights[::2], TITLE_TABLE)

        # Tail: made-up rare words and romanised Korean names.
        onsets = "b c d f g h j k l m n p r s t v w br cr dr fl gr pl pr st tr"
        vowels = "a e i o u ai ea io ou"
        codas = " n r s t l m nd nt st rk"
        onsets, vowels, codas = onsets.split(), vowels.split(), codas.split(" ")
        seen = set()
        while len(seen) < N_EN_TAIL:
            word = "".join(
                rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
                for _ in range(rng.choice((2, 2, 3)))
            )
            if 5 <= len(word) <= 11:
                seen.add(word)
        tail_words = sorted(seen)
        rng.shuffle(tail_words)
        tail_units = [unit(w, self._en_terms(w), []) for w in tail_words]
        tail_weights = [w * 0.7 for w in zipf(len(tail_words), 150)]
        for _ko, en in self.names:  # "Min-jun, Kim" is "Kim Min-jun" in a story
            given, family = en.split(", ")
            text = f"{family} {given}"
            tail_units.append(unit(text, self._en_terms(text), []))
        tail_weights += [w * 0.3 for w in zipf(len(self.names), 100)]
        self.en_tail = sampling_table(tail_units, tail_weights, TAIL_TABLE)
        self.en_unit_chars = self._mean_chars(self.en_head[2], 6 / 7)
        self.en_unit_chars += self._mean_chars(self.en_tail, 1 / 7)

    @staticmethod
    def _mean_chars(table, share) -> float:
        sample = random.Random(0).choices(table, k=4000)  # setup only
        return share * (sum(len(u[0]) for u in sample) / len(sample) + 1)

    # ---- planted query words ------------------------------------------

    def _plants(self):
        """(rate among articles of the language, body units, title rate, title)."""
        ko, en = ko_word, self._en_terms

        def kou(*words_and_particles):
            surfaces, terms, extras, bare = [], [], [], False
            for encoded, tail in words_and_particles:
                surface, t, x = ko(encoded)
                surfaces.append(surface + tail)
                if bare and terms:
                    terms += join(terms[-1], t[0])
                terms += t
                extras += x
                bare = not tail
            return noun_unit(" ".join(surfaces), terms, extras, bare)

        def enu(text):
            return unit(text, en(text), [])

        self.plants = {
            "ko": [
                (
                    1 / 3250,  # about 1 in 5,000 of all articles
                    [
                        kou(("송영무", ""), ("국방부", ""), ("장관", "은")),
                        kou(("송영무", ""), ("국방+장관", "이")),
                        kou(("송영무", "는")),
                        kou(("송영무", "가")),
                        kou(("송영무", "의")),
                        kou(("송영무", ""), ("장관", "과")),
                    ],
                    0.3,
                    kou(("송영무", ""), ("장관", "")),
                ),
                (
                    0.01,
                    [kou(("터키", "를")), kou(("터키", "와")), kou(("터키", "의"))],
                    0.2,
                    kou(("터키", "")),
                ),
                (
                    0.003,
                    [kou(("방산+협력+위원회", "를")), kou(("방산+협력+위원회", "가"))],
                    0.3,
                    kou(("방산+협력+위원회", "")),
                ),
                (
                    0.006,
                    [kou(("방산+협력", "을")), kou(("방산", ""), ("협력", "을"))],
                    0.2,
                    kou(("방산+협력", "")),
                ),
                (
                    0.004,
                    [unit("K-9 자주포를", ["k-9", "자주포"], ["자주"])],
                    0.3,
                    unit("K-9 자주포", ["k-9", "자주포"], ["자주"], tail="자주포"),
                ),
            ],
            "en": [
                (
                    0.01,
                    [enu("Turkey"), enu("Turkey's"), enu("Ankara and Turkey")],
                    0.2,
                    enu("Turkey"),
                ),
                (
                    0.006,
                    [enu("defense talks"), enu("the defense talks in")],
                    0.3,
                    enu("Defense Talks"),
                ),
                (
                    0.004,
                    [enu("K-9 howitzers"), enu("K-9 self-propelled howitzers")],
                    0.3,
                    enu("K-9 Howitzers"),
                ),
            ],
        }

    # ---- the stream ----------------------------------------------------

    def articles(self, count: int, first: int = 1):
        """Yield (row, title, body, reporter_names, moment) for ``count`` articles.

        ``row`` is a search_searchdocument row in INSERT_COLUMNS order.
        """
        from newszone.search.documents import sort_key

        rng = random.Random(self.seed * 7919 + 17)
        rand, triangular, bits, randbytes = (
            rng.random,
            rng.triangular,
            rng.getrandbits,
            rng.randbytes,
        )

        def draw(table, k):  # k slots of a 2**16 table, all in C
            return list(itemgetter(*memoryview(randbytes(2 * k)).cast("H"))(table))

        span = (END - START).total_seconds()
        gap = max(1.0, span / max(count, 1) * 0.98)
        moment = int(START.timestamp())
        section_cum, section_total = self.section_cum, self.section_cum[-1]
        rep_cum, rep_total = self.reporter_cum, self.reporter_cum[-1]
        for object_id in range(first, first + count):
            moment += 1 + int(rand() * 2 * gap)
            when = datetime.fromtimestamp(moment, UTC)
            sid = self.section_list[bisect.bisect(section_cum, rand() * section_total)]
            if rand() < 0.65:
                lang, stride = "ko", 5
                head, tail = self.ko_head[sid], self.ko_tail
                n = int(triangular(300, 1500, 550) / self.ko_unit_chars)
                title_units = draw(self.ko_title[sid], 5 + int(rand() * 8))
                if rand() < 0.4:
                    title_units[int(rand() * len(title_units))] = self.ko_title_tail[
                        bits(TAIL_BITS)
                    ]
            else:
                lang, stride = "en", 7
                head, tail = self.en_head[sid], self.en_tail
                n = int(triangular(400, 2000, 700) / self.en_unit_chars)
                title_units = draw(self.en_title[sid], 5 + int(rand() * 8))
            picks = draw(head, n)  # every stride-th word from the long tail
            start = int(rand() * stride)
            picks[start::stride] = [
                tail[bits(TAIL_BITS)] for _ in range(start, n, stride)
            ]
            for rate, body_units, title_rate, title_unit in self.plants[lang]:
                if rand() < rate:
                    picks.insert(
                        int(rand() * n), body_units[int(rand() * len(body_units))]
                    )
                    if rand() < title_rate:
                        title_units.insert(0, title_unit)
            surfaces, terms, extras, *_ = zip(*picks, strict=True)
            title_surfaces, title_terms, title_extras, *_ = zip(
                *title_units, strict=True
            )
            if lang == "ko":
                body_terms = joined_terms(picks)
                title_text = joined_terms(title_units)
            else:
                body_terms = " ".join(filter(None, terms))
                title_text = " ".join(filter(None, title_terms))

            r = rand()
            if r < 0.03:
                rep_ids, rep_terms, names = [], "", []
            else:
                first_rank = bisect.bisect(rep_cum, rand() * rep_total)
                ids = [self.reporter_ids[first_rank]]
                if r > 0.88:
                    second = self.reporter_ids[
                        bisect.bisect(rep_cum, rand() * rep_total)
                    ]
                    if second != ids[0]:
                        ids.append(second)
                reps = [self.reporters[i - 1] for i in ids]
                names = [n for rep in reps for n in rep[:2]]
                if len(reps) == 1:
                    rep_terms = self.single_reporter[ids[0] - 1]
                else:
                    rep_terms = " ".join(
                        [t for rep in reps for t in rep[2]]
                        + [x for rep in reps for x in rep[3]]
                        + [w for rep in reps for w in rep[4]]
                    )
                rep_ids = sorted(ids)
            public = rand() >= 0.02
            photo = rand() < 0.4
            meta = [f"l_{lang}", "v_1" if public else "v_0", "p_1" if photo else "p_0"]
            meta.append(self.section_meta[sid])
            meta += [f"r_{i}" for i in rep_ids]
            row = (
                sort_key(when, object_id),
                "articles",
                object_id,
                lang,
                public,
                photo,
                self.section_ids[sid],
                " ".join(map(str, rep_ids)),
                title_text,
                " ".join(filter(None, title_extras)),
                body_terms,
                " ".join(filter(None, extras)),
                rep_terms,
                " ".join(meta),
            )
            title, body = " ".join(title_surfaces), " ".join(surfaces)
            yield row, title, body, names, when, sid, rep_ids


INSERT_COLUMNS = (
    "id source object_id language is_public has_photo section_ids reporter_ids "
    "title_terms title_extra body_terms body_extra reporter_terms meta_terms"
).split()


def batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def kst_day(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=KST)


def query_specs(corpus_reporter: str) -> list[dict]:
    specs = []
    for spec in QUERIES:
        spec = dict(spec)
        if spec["q"] == "<reporter>":
            spec["q"] = corpus_reporter
        specs.append(spec)
    return specs


def describe(spec: dict) -> str:
    options = []
    for key in ("scope", "language", "section_ids", "date_from", "date_to", "photo"):
        if spec.get(key):
            value = spec[key]
            options.append(f"{key}={value}" if value is not True else key)
    return ", ".join(options)


# --------------------------------------------------------------------------
# Workers (one process each; Django set up for one database)
# --------------------------------------------------------------------------


def setup_django(database_url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "newszone.settings"
    os.environ.setdefault("NEWSZONE_SECRET_KEY", "bench-only-not-secret")
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


def sqlite_url(workdir: Path) -> str:
    return f"sqlite:///{workdir / SQLITE_FILE}"


def postgres_url(base: str) -> str:
    return f"{base.rstrip('/')}/{PG_DATABASE}"


def worker_analyzer(args) -> dict:
    """Generator speed, analyser throughput on one core, term agreement."""
    setup_django(sqlite_url(args.workdir))
    from newszone.search import analyzers
    from newszone.search.documents import analysed_fields
    from newszone.search.registry import SourceDocument

    result = {}
    started = time.perf_counter()
    corpus = Corpus(args.seed)
    result["generator_setup_s"] = time.perf_counter() - started
    sample = min(args.articles, 50_000)
    started = time.perf_counter()
    stats = {"ko": Counter(), "en": Counter()}
    for row, title, body, _names, *_ in corpus.articles(sample):
        s = stats[row[3]]
        s["n"] += 1
        s["chars"] += len(title) + len(body)
        s["terms"] += len(row[8].split()) + len(row[10].split())
        s["extras"] += len(row[9].split()) + len(row[11].split())
    elapsed = time.perf_counter() - started
    result["generator"] = {
        "articles": sample,
        "seconds": elapsed,
        "articles_per_s": sample / elapsed,
        "by_language": {
            lang: {
                "share": s["n"] / sample,
                "avg_chars": s["chars"] / max(s["n"], 1),
                "avg_terms": s["terms"] / max(s["n"], 1),
                "avg_extras": s["extras"] / max(s["n"], 1),
            }
            for lang, s in stats.items()
        },
    }
    log(f"generator: {sample / elapsed:,.0f} articles/s")

    # Articles for the analyser: Korean ones of 600–1,500 characters. Korean
    # twice over: the first ones with Kiwi's word cache empty (the goal's
    # figure), the next ones with it holding the first ones' words.
    want = args.analyzer_articles
    wanted = {"ko": 2 * want, "en": want}
    picked = {"ko": [], "en": []}
    for item in corpus.articles(max(args.articles, 200_000)):
        lang, body = item[0][3], item[2]
        if len(picked[lang]) < wanted[lang] and (
            lang == "en" or 600 <= len(body) <= 1500
        ):
            picked[lang].append(item)
        if all(len(picked[k]) >= n for k, n in wanted.items()):
            break
    picked["ko_next"] = picked["ko"][want:]
    picked["ko"] = picked["ko"][:want]

    started = time.perf_counter()
    analyzers.kiwi()
    result["kiwi_load_s"] = time.perf_counter() - started
    analyzers.warm_up()  # the first call is excluded from the timings

    def source_doc(item):
        row, title, body, names, when, sid, rep_ids = item
        return SourceDocument(
            object_id=row[2],
            language=row[3],
            is_public=row[4],
            sort_time=when,
            title=title,
            body=body,
            reporter_names=names,
            reporter_ids=rep_ids,
            section_ids=[int(x) for x in row[6].split()],
            has_photo=row[5],
        )

    analyzers._analyze_word.cache_clear()  # warm_up's words
    throughput, analysed = {}, {lang: [] for lang in picked}
    for lang, items in picked.items():
        docs = [source_doc(item) for item in items]
        chars = sum(len(d.title) + len(d.body) for d in docs)
        started, cpu_started = time.perf_counter(), time.process_time()
        for doc in docs:
            analysed[lang].append(analysed_fields(doc))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        # Per core: CPU time, so another process on the same core does not
        # count against Kiwi (which analyses one text in the calling thread).
        throughput[lang] = {
            "articles": len(docs),
            "seconds": elapsed,
            "cpu_seconds": cpu,
            "articles_per_s": len(docs) / cpu,
            "wall_articles_per_s": len(docs) / elapsed,
            "ms_per_article": cpu * 1000 / len(docs),
            "avg_chars": chars / len(docs),
            "us_per_char": cpu * 1e6 / chars,
        }
        log(
            f"analyser {lang}: {len(docs) / cpu:,.1f} articles per CPU-second "
            f"({len(docs) / elapsed:,.1f}/s wall)"
        )
    result["analyzer"] = throughput
    result["analyzer_demo"] = demo_throughput(
        analyzers.analyze, analyzers._analyze_word.cache_clear
    )

    # Agreement of the generator's terms with the analyser's, per article.
    agreement = {}
    for lang, items in picked.items():
        if lang == "ko_next":
            continue
        scores = {"terms": [], "extras": [], "reporter": []}
        missing, extra = Counter(), Counter()
        for item, real in list(zip(items, analysed[lang], strict=True))[
            : args.consistency_sample
        ]:
            row = item[0]
            pairs = (
                (
                    "terms",
                    row[8] + " " + row[10],
                    real["title_terms"] + " " + real["body_terms"],
                ),
                (
                    "extras",
                    row[9] + " " + row[11],
                    real["title_extra"] + " " + real["body_extra"],
                ),
                ("reporter", row[12], real["reporter_terms"]),
            )
            for key, gen_text, real_text in pairs:
                gen, ref = set(gen_text.split()), set(real_text.split())
                if not gen and not ref:
                    continue
                both = len(gen & ref)
                scores[key].append(
                    (
                        both / len(ref) if ref else 1.0,
                        both / len(gen) if gen else 1.0,
                        both / len(gen | ref),
                    )
                )
                if key == "terms":
                    missing.update(ref - gen)
                    extra.update(gen - ref)
        agreement[lang] = {
            key: {
                "articles": len(v),
                "recall": sum(x[0] for x in v) / len(v) if v else None,
                "precision": sum(x[1] for x in v) / len(v) if v else None,
                "jaccard": sum(x[2] for x in v) / len(v) if v else None,
            }
            for key, v in scores.items()
        }
        agreement[lang]["analyser_only_terms"] = missing.most_common(12)
        agreement[lang]["generator_only_terms"] = extra.most_common(12)
    result["agreement"] = agreement
    return result


def demo_throughput(analyze, clear_word_cache, rounds: int = 20) -> dict | None:
    """The analyser on the demo edition's hand-written Korean stories."""
    try:
        from newszone.demo import content, sample
    except ImportError:
        return None
    stories = []
    for article in [*content.ARTICLES, sample.SAMPLE_KO]:
        if article["language"] == "ko":
            title = f"{article['headline']}\n{article.get('alternate_headline', '')}"
            body = "\n".join([article.get("deck", ""), *article["body"]])
            stories.append((title, body))
    if not stories:
        return None
    chars = sum(len(t) + len(b) for t, b in stories)
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        clear_word_cache()  # each round as if the words were new
        for title, body in stories:
            analyze(title)
            analyze(body)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    done = rounds * len(stories)
    log(f"analyser on demo Korean: {done / cpu:,.1f} articles per CPU-second")
    return {
        "articles": len(stories),
        "analysed": done,
        "avg_chars": chars / len(stories),
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "articles_per_s": done / cpu,
        "wall_articles_per_s": done / elapsed,
        "ms_per_article": cpu * 1000 / done,
        "us_per_char": cpu * 1e6 / (chars * rounds),
    }


def load_rows(corpus, count, insert_docs, insert_raw, label):
    """Stream the corpus into the database; time generation and loading apart."""
    timing = Counter()
    done, next_report = 0, PROGRESS_EVERY
    stream = corpus.articles(count)
    while True:
        started = time.perf_counter()
        batch = list(itertools.islice(stream, BATCH))
        timing["generate_s"] += time.perf_counter() - started
        if not batch:
            break
        started = time.perf_counter()
        insert_docs([item[0] for item in batch])
        timing["load_terms_s"] += time.perf_counter() - started
        if insert_raw is not None:
            started = time.perf_counter()
            insert_raw([(item[0][0], item[1], item[2]) for item in batch])
            timing["load_raw_s"] += time.perf_counter() - started
        done += len(batch)
        if done >= next_report or done == count:
            log(
                f"[{label}] {done:,} rows (generate {timing['generate_s']:.1f} s, "
                f"load terms {timing['load_terms_s']:.1f} s, "
                f"load raw {timing['load_raw_s']:.1f} s)"
            )
            next_report += PROGRESS_EVERY
    return dict(timing)


def build_sqlite(args, corpus) -> dict:
    from django.core.management import call_command
    from django.db import connection, transaction

    from newszone.search.backends import get_backend
    from newszone.search.backends import sqlite as engine

    call_command("migrate", verbosity=0)
    result = {}
    with connection.cursor() as cursor:
        for statement in engine.drop_sql():
            if statement.startswith("DROP TRIGGER"):
                cursor.execute(statement)
        cursor.execute(
            "CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, title TEXT, body TEXT)"
        )
    placeholders = ", ".join(["%s"] * len(INSERT_COLUMNS))
    insert_doc_sql = (
        f"INSERT INTO search_searchdocument ({', '.join(INSERT_COLUMNS)}) "
        f"VALUES ({placeholders})"
    )

    def insert_docs(rows):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(insert_doc_sql, rows)

    def insert_raw(rows):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany("INSERT INTO bench_raw VALUES (%s, %s, %s)", rows)

    result.update(load_rows(corpus, args.articles, insert_docs, insert_raw, "sqlite"))
    with connection.cursor() as cursor:
        for statement in engine.create_sql():
            if statement.startswith("CREATE TRIGGER"):
                cursor.execute(statement)
    log("[sqlite] building the FTS5 index from stored terms (rebuild + optimize)")
    started = time.perf_counter()
    get_backend().rebuild()
    result["index_build_s"] = time.perf_counter() - started
    log(f"[sqlite] index built in {result['index_build_s']:.1f} s")

    log("[sqlite] building the plain FTS5 baseline over raw text")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE bench_raw_fts USING fts5(title, body, "
            "content='bench_raw', content_rowid='id')"
        )
        cursor.execute("INSERT INTO bench_raw_fts(bench_raw_fts) VALUES ('rebuild')")
        cursor.execute("INSERT INTO bench_raw_fts(bench_raw_fts) VALUES ('optimize')")
    result["plain_fts_build_s"] = time.perf_counter() - started
    log(f"[sqlite] plain FTS5 built in {result['plain_fts_build_s']:.1f} s")
    return result


def build_postgres(args, corpus) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from newszone.search.backends import postgres as engine

    call_command("migrate", verbosity=0)
    result = {}
    with connection.cursor() as cursor:
        # Load the rows without the engine's indexes; the timed build makes them.
        for statement in engine.drop_sql():
            cursor.execute(statement)
    from newszone.search.documents import vectors_for

    stored = ["vector", "headline_vector", "pair_bits"]
    columns = [*INSERT_COLUMNS, *stored]
    copy_sql = f"COPY search_searchdocument ({', '.join(columns)}) FROM STDIN"

    def insert_docs(rows):
        # PostgreSQL stores each story's vectors and pair signature beside its
        # terms (documents.vectors_for; the literals cast as they are written,
        # as indexing does); the timed build reads the stored vectors.
        with connection.cursor() as cursor, cursor.cursor.copy(copy_sql) as copy:
            for row in rows:
                made = vectors_for(dict(zip(INSERT_COLUMNS, row, strict=True)), row[0])
                copy.write_row((*row, *(made[c] for c in stored)))

    result.update(load_rows(corpus, args.articles, insert_docs, None, "postgres"))
    steps = {}
    log("[postgres] building the GIN indexes from the stored vectors")
    started_all = time.perf_counter()
    with connection.cursor() as cursor:
        for statement in engine.create_sql():
            started = time.perf_counter()
            cursor.execute(statement)
            words = statement.split()
            if "INDEX" in words:
                after = "EXISTS" if "EXISTS" in words else "INDEX"
                name = "GIN " + words[words.index(after) + 1]
            else:
                name = "layout"  # vectors as tsvector: done as they were loaded
            # Several layout statements: their times add up.
            steps[name] = steps.get(name, 0.0) + time.perf_counter() - started
            log(f"[postgres] {steps[name]:7.1f} s  {name}")
    result["index_build_s"] = time.perf_counter() - started_all
    result["index_build_steps_s"] = steps
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_searchdocument")
    result["vacuum_analyze_s"] = time.perf_counter() - started
    log(f"[postgres] index built in {result['index_build_s']:.1f} s")
    return result


def sizes_sqlite(workdir: Path) -> dict:
    from django.db import connection

    from newszone.search.backends import get_backend

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        def dbstat(pattern):
            """Bytes of the tables and indexes named like ``pattern``."""
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE name LIKE %s AND rootpage > 0",
                [pattern],
            )
            total = 0
            try:
                for (name,) in cursor.fetchall():  # one b-tree each, not the file
                    cursor.execute(
                        "SELECT pgsize FROM dbstat WHERE name = %s AND aggregate = 1",
                        [name],
                    )
                    total += cursor.fetchone()[0]
            except Exception:  # SQLite without the dbstat table
                return None
            return total

        started = time.perf_counter()
        out = {"index_bytes": get_backend().index_size()}
        out["index_size_call_s"] = time.perf_counter() - started
        table, indexes = (
            dbstat("search_searchdocument"),
            dbstat("sqlite_autoindex_search_searchdocument%"),
        )
        out["stored_terms_bytes"] = None if table is None else table + (indexes or 0)
        out["raw_text_bytes"] = dbstat("bench_raw")
        out["plain_fts_bytes"] = dbstat("bench_raw_fts%")
        cursor.execute("SELECT count(*) FROM search_searchdocument")
        out["documents"] = cursor.fetchone()[0]
    path = workdir / SQLITE_FILE
    out["db_file_bytes"] = sum(
        p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file()
    )
    return out


def sizes_postgres() -> dict:
    from django.db import connection

    from newszone.search.backends import get_backend

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_total_relation_size('search_searchdocument'), "
            "pg_relation_size('search_searchdocument'), "
            "pg_database_size(current_database()), count(*) "
            "FROM search_searchdocument"
        )
        total, heap, database, count = cursor.fetchone()
        cursor.execute(
            "SELECT c.relname, pg_relation_size(c.oid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = 'search_searchdocument'::regclass"
        )
        indexes = dict(cursor.fetchall())
        cursor.execute(
            "SELECT name, setting, unit FROM pg_settings WHERE name IN "
            "('shared_buffers', 'work_mem', 'maintenance_work_mem', 'jit', "
            "'effective_cache_size', 'max_parallel_workers_per_gather', "
            "'server_version')"
        )
        settings = {}
        for name, setting, unit in cursor.fetchall():
            scale = {"8kB": 8, "kB": 1}.get(unit)
            if scale:
                setting = f"{int(setting) * scale // 1024} MiB"
            settings[name] = setting
    return {
        "index_bytes": int(get_backend().index_size()),
        "indexes_bytes": {k: int(v) for k, v in indexes.items()},
        "table_total_bytes": total,
        "heap_bytes": heap,
        "db_file_bytes": database,
        "documents": count,
        "server_settings": settings,
    }


def exact_count(query) -> int | None:
    """Every match, counted apart from the timed search (the engine may stop
    counting early); None if the engine's internals have changed."""
    from django.db import connection

    try:
        if connection.vendor == "sqlite":
            from newszone.search.backends import sqlite as engine

            sql = (
                f"SELECT count(*) FROM {engine.TABLE} WHERE {engine.TABLE} MATCH %s "
                "AND rowid >= %s AND rowid < %s"
            )
            params = [engine.match_expression(query), *engine.key_bounds(query)]
        else:
            from newszone.search.backends import postgres as engine

            where, params = engine.where_clause(query, through_gin=True)
            sql = f"SELECT count(*) FROM {engine.TABLE} WHERE {where}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]
    except Exception as exc:
        log(f"  (no exact count: {exc})")
        return None


def run_queries(args, specs) -> list[dict]:
    from newszone.search.backends import get_backend
    from newszone.search.query import SearchQuery, parse

    backend = get_backend()
    parse("국방부는 준비를 마쳤다")  # load Kiwi before anything is timed
    out = []
    for spec in specs:
        parse_ms = []
        for _ in range(max(args.repeat, 1)):
            started = time.perf_counter()
            groups = parse(spec["q"])
            parse_ms.append((time.perf_counter() - started) * 1000)
        query = SearchQuery(
            groups=groups,
            scope=spec.get("scope", "all"),
            language=spec.get("language"),
            section_ids=spec.get("section_ids"),
            date_from=kst_day(spec.get("date_from")),
            date_to=kst_day(spec.get("date_to")),
            photo=spec.get("photo", False),
            public_only=True,
            sort=spec.get("sort", "relevance"),
            limit=20,
        )
        results = backend.search(query)  # warm-up
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            results = backend.search(query)
            times.append((time.perf_counter() - started) * 1000)
        out.append(
            {
                "name": spec["name"],
                "q": spec["q"],
                "options": describe(spec),
                # The baselines know the words and the dates, no other filter.
                "comparable": not any(
                    spec.get(k) for k in ("section_ids", "language", "photo")
                )
                and spec.get("scope") != "reporter",
                "sort": query.sort,
                "groups": groups,
                "total": results.total,
                "total_exact": getattr(results, "total_exact", True),
                # Counted apart, unpublished too, as the baselines cannot tell.
                "all_matches": exact_count(
                    dataclasses.replace(query, public_only=False)
                ),
                "hits": len(results.hits),
                "ranked_newest": results.ranked_newest,
                "ms": times,
                "p50_ms": percentile(times, 50),
                "max_ms": max(times) if times else None,
                "parse_ms": percentile(parse_ms, 50),
            }
        )
        plus = "" if out[-1]["total_exact"] else "+"
        log(
            f"  {spec['name']:<24} {results.total:>9,}{plus:1} matches  "
            f"p50 {out[-1]['p50_ms']:8.2f} ms  max {out[-1]['max_ms']:8.2f} ms"
        )
    return out


def raw_terms(q: str) -> list[str]:
    """The query as typed: quoted phrases whole, other words one by one."""
    return QUOTED.findall(q) + QUOTED.sub(" ", q).split()


def run_baselines(args, specs) -> list[dict]:
    """Plain FTS5 (unicode61) and LIKE over the raw text, same words, SQLite."""
    from django.db import connection

    from newszone.search.documents import key_range_start

    connection.ensure_connection()
    raw = connection.connection
    out = []
    like_left = args.like_budget
    for spec in specs:
        entry = {"name": spec["name"], "q": spec["q"]}
        out.append(entry)
        if spec.get("scope") == "reporter":
            entry["note"] = "n/a: the raw text has no reporter field"
            continue
        low = (
            key_range_start(kst_day(spec["date_from"])) if spec.get("date_from") else 0
        )
        high = (
            key_range_start(kst_day(spec["date_to"])) if spec.get("date_to") else 2**62
        )
        terms = raw_terms(spec["q"])
        expression = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
        if spec.get("scope") == "headline":
            expression = f"{{title}} : ({expression})"
        where = "bench_raw_fts MATCH ? AND rowid >= ? AND rowid < ?"
        params = (expression, low, high)
        entry["total"] = raw.execute(
            f"SELECT count(*) FROM bench_raw_fts WHERE {where}", params
        ).fetchone()[0]
        for mode, order in (("bm25", "rank"), ("newest", "rowid DESC")):
            sql = (
                f"SELECT rowid FROM bench_raw_fts WHERE {where} "
                f"ORDER BY {order} LIMIT 20"
            )
            raw.execute(sql, params).fetchall()  # warm-up
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                raw.execute(sql, params).fetchall()
                times.append((time.perf_counter() - started) * 1000)
            entry[f"plain_{mode}_p50_ms"] = percentile(times, 50)
            entry[f"plain_{mode}_max_ms"] = max(times)
        started = time.perf_counter()
        raw.execute(
            f"SELECT count(*) FROM bench_raw_fts WHERE {where}", params
        ).fetchone()
        entry["plain_count_ms"] = (time.perf_counter() - started) * 1000

        # LIKE, as WordPress: every word in the title or the body, newest first.
        columns = ("title",) if spec.get("scope") == "headline" else ("title", "body")
        clause = " AND ".join(
            "(" + " OR ".join(f"{c} LIKE ?" for c in columns) + ")" for _ in terms
        )
        like_params = [f"%{t}%" for t in terms for _ in columns] + [low, high]
        sql = (
            f"SELECT id FROM bench_raw WHERE {clause} AND id >= ? AND id < ? "
            "ORDER BY id DESC LIMIT 20"
        )
        if like_left <= 0:
            entry["like_note"] = "skipped: LIKE time budget spent"
            continue
        times, rows = [], None
        for _ in range(args.like_repeat):
            deadline = time.perf_counter() + like_left
            raw.set_progress_handler(lambda d=deadline: time.perf_counter() > d, 10_000)
            started = time.perf_counter()
            try:
                rows = raw.execute(sql, like_params).fetchall()
            except Exception as exc:  # interrupted at the deadline
                entry["like_note"] = f"stopped after {like_left:.1f} s ({exc})"
                like_left = 0
                break
            finally:
                raw.set_progress_handler(None, 0)
            spent = time.perf_counter() - started
            like_left -= spent
            times.append(spent * 1000)
        if times:
            entry["like_p50_ms"] = percentile(times, 50)
            entry["like_rows"] = len(rows or [])
        log(
            f"  baseline {spec['name']:<24} plain {entry['total']:>9,}  "
            f"LIKE {entry.get('like_p50_ms') or 0:9.1f} ms"
        )
    return out


def worker_engine(args, engine: str) -> dict:
    workdir = args.workdir
    if engine == "sqlite":
        url = sqlite_url(workdir)
        if not args.skip_build:
            for path in workdir.glob(SQLITE_FILE + "*"):
                path.unlink()
    else:
        url = postgres_url(args.pg_url)
        import psycopg

        with psycopg.connect(
            f"{args.pg_url.rstrip('/')}/postgres", autocommit=True
        ) as pg:
            exists = pg.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]
            ).fetchone()
            if not args.skip_build and exists:
                pg.execute(f'DROP DATABASE "{PG_DATABASE}" WITH (FORCE)')
                exists = None
            if not exists:
                pg.execute(f'CREATE DATABASE "{PG_DATABASE}"')
    setup_django(url)
    from django.db import connection

    if engine == "sqlite" and args.sqlite_cache_mib:
        from django.db.backends.signals import connection_created

        def bigger_cache(sender, connection, **kwargs):
            if connection.vendor == "sqlite":
                connection.cursor().execute(
                    f"PRAGMA cache_size = -{args.sqlite_cache_mib * 1024}"
                )

        connection_created.connect(bigger_cache)

    result = {"engine": engine, "database_url": url, "loadavg_start": os.getloadavg()}
    corpus = Corpus(args.seed)
    if args.skip_build:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        result["build"] = None
    else:
        build = build_sqlite if engine == "sqlite" else build_postgres
        result["build"] = build(args, corpus)
    result["sizes"] = sizes_sqlite(workdir) if engine == "sqlite" else sizes_postgres()
    if not result["sizes"]["documents"]:
        raise SystemExit(f"{engine}: no documents; run without --skip-build first")
    specs = query_specs(corpus.reporter_for_query())
    log(f"[{engine}] {len(specs)} queries × {args.repeat} runs")
    result["queries"] = run_queries(args, specs)
    if engine == "sqlite":
        log("[sqlite] baselines: plain FTS5 over raw text, LIKE scan")
        result["baselines"] = run_baselines(args, specs)
    connection.close()
    result["loadavg_end"] = os.getloadavg()
    return result


# --------------------------------------------------------------------------
# The parent: run the workers, print the tables
# --------------------------------------------------------------------------


def run_worker(args, name: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--engine-worker",
        name,
        "--result-file",
        str(out),
        "--articles",
        str(args.articles),
        "--workdir",
        str(args.workdir),
        "--seed",
        str(args.seed),
        "--repeat",
        str(args.repeat),
        "--like-budget",
        str(args.like_budget),
        "--like-repeat",
        str(args.like_repeat),
        "--pg-url",
        args.pg_url,
        "--analyzer-articles",
        str(args.analyzer_articles),
        "--consistency-sample",
        str(args.consistency_sample),
        "--sqlite-cache-mib",
        str(args.sqlite_cache_mib),
    ]
    if args.skip_build:
        command.append("--skip-build")
    log(f"starting worker: {name}")
    started = time.perf_counter()
    completed = subprocess.run(command, stdout=sys.stderr, cwd=ROOT, check=False)
    try:
        if completed.returncode != 0:
            return {"error": f"worker {name} exited with {completed.returncode}"}
        data = json.loads(out.read_text())
        data["worker_s"] = time.perf_counter() - started
        return data
    finally:
        out.unlink(missing_ok=True)


def fmt_ms(value) -> str:
    if value is None:
        return "–"
    if value < 1:
        return f"{value:.2f}"
    if value < 100:
        return f"{value:.1f}"
    return f"{value:,.0f}"


def fmt_bytes(value) -> str:
    if value is None or value < 0:
        return "–"
    return f"{value / 2**20:,.1f} MiB"


def fmt_int(value) -> str:
    return "–" if value is None else f"{value:,}"


def fmt_ratio(value) -> str:
    if value is None:
        return "–"
    if value >= 10:
        return f"{value:,.0f}×"
    return f"{value:.1f}×" if value >= 1 else f"{value:.2f}×"


def fmt_total(q) -> str:
    return fmt_int(q["total"]) + ("" if q.get("total_exact", True) else "+")


def verdict(value, goal, higher_is_better=False) -> str:
    if value is None:
        return "–"
    ok = value >= goal if higher_is_better else value <= goal
    return "PASS" if ok else "MISS"


def table(headers, rows) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def summarise(results: dict) -> dict:
    """Overall p50/p95 per engine and sort, the goals, the ratios."""
    summary = {}
    for engine, data in results["engines"].items():
        if "queries" not in data:
            continue
        for sort in ("relevance", "newest"):
            runs = [ms for q in data["queries"] if q["sort"] == sort for ms in q["ms"]]
            summary[f"{engine}_{sort}_p50_ms"] = percentile(runs, 50)
            summary[f"{engine}_{sort}_p95_ms"] = percentile(runs, 95)
            summary[f"{engine}_{sort}_max_ms"] = max(runs) if runs else None
        build = data.get("build") or {}
        if build.get("index_build_s"):
            summary[f"{engine}_build_articles_per_s"] = (
                results["config"]["articles"] / build["index_build_s"]
            )
    return summary


def report(results: dict) -> str:
    out = []
    config = results["config"]
    n = config["articles"]
    scale_note = (
        ""
        if n >= 1_000_000
        else f" (the goals are for 1,000,000 articles; this run has {n:,})"
    )
    out.append(f"# newszone search benchmark: {n:,} articles, seed {config['seed']}")
    out.append(
        f"\n{config['cpus']} CPUs, Python {config['python']}, SQLite "
        f"{config['sqlite_version']}, started {config['started']}. "
        f"Load average at the start {config['loadavg_start'][0]:.2f}, "
        f"at the end {results.get('loadavg_end', [0])[0]:.2f}. "
        f"Latencies: {config['repeat']} timed runs per query after one warm-up, "
        "measured in Python around `get_backend().search()` (count + page + "
        "lookups)."
    )
    analyzer = results.get("analyzer", {})
    engines = results["engines"]
    summary = results["summary"]

    if "generator" in analyzer:
        gen = analyzer["generator"]
        out.append("\n## Corpus (generated, deterministic)\n")
        rows = []
        for lang, s in gen["by_language"].items():
            rows.append(
                [
                    lang,
                    f"{s['share']:.1%}",
                    f"{s['avg_chars']:,.0f}",
                    f"{s['avg_terms']:,.0f}",
                    f"{s['avg_extras']:,.0f}",
                ]
            )
        out.append(
            table(["language", "share", "avg chars", "avg terms", "avg extras"], rows)
        )
        out.append(
            f"\nGenerator: {gen['articles_per_s']:,.0f} articles/s "
            f"(sample of {gen['articles']:,}; "
            f"setup {analyzer['generator_setup_s']:.1f} s)."
        )

    if "analyzer" in analyzer:
        out.append(
            "\n## Analyser (real `analysed_fields()`: Kiwi + Snowball, per CPU core)\n"
        )
        out.append(
            f"Kiwi load: {analyzer['kiwi_load_s']:.2f} s (excluded below). Rates are "
            "per CPU-second of the analysing process (one thread), so they hold per "
            "core even when another process shares the machine; wall-clock rates "
            "are in the JSON.\n"
        )
        rows = []
        labels = {
            "ko": "ko (Kiwi's word cache empty at the start)",
            "ko_next": "ko, the next ones (the cache holding the first ones' words)",
        }
        for lang, s in analyzer["analyzer"].items():
            goal = GOALS["analyzer_ko_articles_per_s"] if lang == "ko" else None
            rows.append(
                [
                    labels.get(lang, lang),
                    fmt_int(s["articles"]),
                    f"{s['avg_chars']:,.0f}",
                    f"{s['articles_per_s']:,.1f}",
                    f"{s['ms_per_article']:.2f}",
                    f"{s['us_per_char']:.1f}",
                    f"≥ {goal:,.0f}/s" if goal else "–",
                    verdict(s["articles_per_s"], goal, True) if goal else "–",
                ]
            )
        demo = analyzer.get("analyzer_demo")
        if demo:
            rows.append(
                [
                    "ko, demo edition (hand-written; cache emptied each round)",
                    fmt_int(demo["articles"]),
                    f"{demo['avg_chars']:,.0f}",
                    f"{demo['articles_per_s']:,.1f}",
                    f"{demo['ms_per_article']:.2f}",
                    f"{demo['us_per_char']:.1f}",
                    "–",
                    "–",
                ]
            )
        out.append(
            table(
                [
                    "text",
                    "articles",
                    "avg chars",
                    "articles/s",
                    "ms/article",
                    "µs/char",
                    "goal",
                    "",
                ],
                rows,
            )
        )
        if demo:
            out.append(
                "\nThe demo edition's stories are real, hand-written news text: Kiwi "
                "costs per character there show how much of the generated text's cost "
                "comes from its unknown names and compounds."
            )
        out.append(
            "\nAgreement of the generator's terms with the real analyser "
            "(per article, averaged; recall = share of the analyser's terms the "
            "generator produced):\n"
        )
        rows = []
        for lang, fields in analyzer["agreement"].items():
            for key in ("terms", "extras", "reporter"):
                s = fields[key]
                if not s["articles"]:
                    continue
                rows.append(
                    [
                        lang,
                        key,
                        s["articles"],
                        f"{s['recall']:.1%}",
                        f"{s['precision']:.1%}",
                        f"{s['jaccard']:.1%}",
                    ]
                )
        out.append(
            table(
                ["language", "field", "articles", "recall", "precision", "Jaccard"],
                rows,
            )
        )
        for lang, fields in analyzer["agreement"].items():
            only_real = ", ".join(
                f"{t} ({c})" for t, c in fields["analyser_only_terms"]
            )
            only_gen = ", ".join(
                f"{t} ({c})" for t, c in fields["generator_only_terms"]
            )
            out.append(f"\n- {lang}: analyser only: {only_real or '–'}")
            out.append(f"- {lang}: generator only: {only_gen or '–'}")

    out.append("\n## Index build\n")
    rows = []
    for engine, data in engines.items():
        if "error" in data:
            rows.append([engine, data["error"]] + ["–"] * 7)
            continue
        build, sizes = data.get("build") or {}, data["sizes"]
        rate = summary.get(f"{engine}_build_articles_per_s")
        load = build.get("load_terms_s")
        rows.append(
            [
                engine,
                fmt_int(sizes["documents"]),
                f"{load:.1f} s ({n / load:,.0f}/s)" if load else "–",
                f"{build['index_build_s']:.1f} s" if build else "–",
                f"{rate:,.0f}/s" if rate else "–",
                f"≥ {GOALS['build_articles_per_s']:,.0f}/s",
                verdict(rate, GOALS["build_articles_per_s"], True),
                fmt_bytes(sizes["index_bytes"]),
                fmt_bytes(sizes["db_file_bytes"]),
            ]
        )
    out.append(
        table(
            [
                "engine",
                "documents",
                "load stored terms",
                "index build from stored terms (PostgreSQL: stored vectors)",
                "articles/s",
                "goal",
                "",
                "index size",
                "database size",
            ],
            rows,
        )
    )
    notes = []
    if "sqlite" in engines and engines["sqlite"].get("build"):
        b, s = engines["sqlite"]["build"], engines["sqlite"]["sizes"]
        notes.append(
            f"SQLite: index build = `get_backend().rebuild()` (FTS5 'rebuild' + "
            f"'optimize', triggers off during the load). Stored terms "
            f"{fmt_bytes(s['stored_terms_bytes'])}; "
            f"raw text {fmt_bytes(s['raw_text_bytes'])} "
            f"(loaded in {b.get('load_raw_s', 0):.1f} s); baseline plain FTS5 over raw "
            f"text built in {b['plain_fts_build_s']:.1f} s "
            f"({n / b['plain_fts_build_s']:,.0f}/s), "
            f"{fmt_bytes(s['plain_fts_bytes'])}. "
            f"Generating the rows took {b['generate_s']:.1f} s (not counted). "
            f"`index_size()` took {s.get('index_size_call_s', 0):.1f} s."
        )
    if "postgres" in engines and engines["postgres"].get("build"):
        b, s = engines["postgres"]["build"], engines["postgres"]["sizes"]
        steps = "; ".join(
            f"{k}: {v:.1f} s" for k, v in b["index_build_steps_s"].items()
        )
        notes.append(
            "PostgreSQL: rows loaded with COPY, each story's vector cast from "
            "its literal as it is written (as indexing does), without the GIN "
            f"indexes; index build = both GIN indexes ({steps}); then VACUUM ANALYZE "
            f"{b['vacuum_analyze_s']:.1f} s (not counted). Indexes: "
            + ", ".join(f"{k} {fmt_bytes(v)}" for k, v in s["indexes_bytes"].items())
            + f"; table with TOAST and indexes {fmt_bytes(s['table_total_bytes'])}. "
            f"Server: "
            + ", ".join(f"{k}={v}" for k, v in s["server_settings"].items())
            + "."
        )
    loads = [
        f"{engine} {data['loadavg_start'][0]:.2f} → {data['loadavg_end'][0]:.2f}"
        for engine, data in engines.items()
        if "loadavg_end" in data
    ]
    if loads:
        notes.append(
            "Load average (1 min) at the start and end of each engine's worker: "
            + "; ".join(loads)
            + ". Above about 1, something else shared the 2 cores."
        )
    out += [f"\n{note}" for note in notes]

    out.append("\n## Query latency\n")
    base_by_name = {
        b["name"]: b for b in engines.get("sqlite", {}).get("baselines", []) or []
    }
    names = []
    for data in engines.values():
        for q in data.get("queries", []):
            if q["name"] not in names:
                names.append(q["name"])
    headers = ["#", "query", "options", "sort", "parse ms"]
    for engine in engines:
        headers += [f"{engine} matches", f"{engine} p50 / max ms"]
    headers += [
        "plain FTS5 matches",
        "plain bm25 / newest p50 ms",
        "LIKE ms (first 20)",
    ]
    rows = []
    for index, name in enumerate(names, start=1):
        first = next(
            q
            for d in engines.values()
            for q in d.get("queries", [])
            if q["name"] == name
        )
        row = [index, f"`{first['q']}`", first["options"] or "–", first["sort"]]
        row.append(fmt_ms(first["parse_ms"]))
        for data in engines.values():
            q = next((q for q in data.get("queries", []) if q["name"] == name), None)
            if q is None:
                row += ["–", "–"]
                continue
            window = (
                f" (ranked newest {q['ranked_newest']:,})" if q["ranked_newest"] else ""
            )
            row += [
                fmt_total(q) + window,
                f"{fmt_ms(q['p50_ms'])} / {fmt_ms(q['max_ms'])}",
            ]
        b = base_by_name.get(name, {})
        if "total" in b:
            row += [
                fmt_int(b["total"]),
                f"{fmt_ms(b['plain_bm25_p50_ms'])} / "
                f"{fmt_ms(b['plain_newest_p50_ms'])}",
                fmt_ms(b.get("like_p50_ms"))
                if "like_p50_ms" in b
                else b.get("like_note", "–"),
            ]
        else:
            row += [b.get("note", "–"), "–", "–"]
        rows.append(row)
    out.append(table(headers, rows))
    out.append(
        "\nBaselines run on SQLite only, on the raw text, with the words as typed "
        "(quoted phrases kept) and the same date range; they know no section, "
        "language, photo or visibility filters and no reporter field. LIKE is "
        "`(title LIKE '%w%' OR body LIKE '%w%')` per word, `ORDER BY id DESC LIMIT "
        f"20`, {config['like_repeat']} run(s) each within a total budget of "
        f"{config['like_budget']:.0f} s."
    )

    out.append(f"\n## Goals{scale_note}\n")
    rows = []
    for engine in engines:
        for sort in ("relevance", "newest"):
            p50 = summary.get(f"{engine}_{sort}_p50_ms")
            p95 = summary.get(f"{engine}_{sort}_p95_ms")
            goal = GOALS.get(f"{engine}_{sort}_p95_ms")
            rows.append(
                [
                    f"{engine}, {'date' if sort == 'newest' else sort}-sorted",
                    fmt_ms(p50),
                    fmt_ms(p95),
                    fmt_ms(summary.get(f"{engine}_{sort}_max_ms")),
                    f"p95 ≤ {goal:g} ms" if goal else "–",
                    verdict(p95, goal) if goal else "–",
                ]
            )
    out.append(table(["queries", "p50 ms", "p95 ms", "max ms", "goal", ""], rows))
    rows = []
    for engine in engines:
        rate = summary.get(f"{engine}_build_articles_per_s")
        rows.append(
            [
                f"{engine}: index build from stored terms",
                f"{rate:,.0f} articles/s" if rate else "–",
                f"≥ {GOALS['build_articles_per_s']:,.0f} articles/s",
                verdict(rate, GOALS["build_articles_per_s"], True),
            ]
        )
    if "analyzer" in analyzer:
        rate = analyzer["analyzer"]["ko"]["articles_per_s"]
        rows.append(
            [
                "analyser, Korean news articles per core",
                f"{rate:,.1f} articles/s",
                f"≥ {GOALS['analyzer_ko_articles_per_s']:,.0f} articles/s",
                verdict(rate, GOALS["analyzer_ko_articles_per_s"], True),
            ]
        )
    out.append("\n" + table(["figure", "measured", "goal", ""], rows))

    if base_by_name and "sqlite" in engines:
        out.append("\n## What the analyser and the engine gain (SQLite)\n")
        rows, like_ratio = [], {"relevance": [], "newest": []}
        ours = {q["name"]: q for q in engines["sqlite"]["queries"]}
        for name, b in base_by_name.items():
            if "total" not in b:
                continue
            q = ours[name]
            mine = q.get("all_matches")
            recall = "– (filters differ)"
            if q.get("comparable") and mine is not None:
                recall = fmt_ratio(mine / b["total"]) if b["total"] else "∞"
            like = b.get("like_p50_ms")
            plain = b[
                "plain_newest_p50_ms" if q["sort"] == "newest" else "plain_bm25_p50_ms"
            ]
            if like and q["p50_ms"]:
                like_ratio[q["sort"]].append(like / q["p50_ms"])
            rows.append(
                [
                    f"`{q['q']}`",
                    q["sort"],
                    f"{fmt_int(mine)} vs {fmt_int(b['total'])}",
                    recall,
                    fmt_ratio(plain / q["p50_ms"]) if q["p50_ms"] else "–",
                    fmt_ratio(like / q["p50_ms"]) if like and q["p50_ms"] else "–",
                ]
            )
        out.append(
            table(
                [
                    "query",
                    "sort",
                    "all matches: ours vs plain FTS5",
                    "recall ratio",
                    "plain FTS5 p50 ÷ ours",
                    "LIKE ÷ ours",
                ],
                rows,
            )
        )
        out.append(
            "\nRatios above 1× mean ours is faster. Plain FTS5 times are its page "
            "query alone (no count, no filters); ours include the count and the id "
            "lookup."
        )
        for sort, ratios in like_ratio.items():
            if ratios:
                out.append(
                    f"\nLIKE ÷ ours, {sort}-sorted queries: median "
                    f"{fmt_ratio(percentile(ratios, 50))}, "
                    f"min {fmt_ratio(min(ratios))}, "
                    f"max {fmt_ratio(max(ratios))} (LIKE stops at the first 20 matches "
                    "going back in time, so common words are cheap for it and rare "
                    "words scan the whole table)."
                )
    for engine, data in engines.items():
        if "error" in data:
            out.append(f"\n**{engine}: {data['error']}** (see stderr)")
    return "\n".join(out) + "\n"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Benchmark newszone search on a synthetic bilingual archive."
    )
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--workdir", type=Path, default=Path("var/bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--skip-build",
        action="store_true",
        help="query the databases a previous run built (same --articles/--seed)",
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432"),
        help="server URL without a database name",
    )
    parser.add_argument("--like-budget", type=float, default=60.0)
    parser.add_argument("--like-repeat", type=int, default=1)
    parser.add_argument("--analyzer-articles", type=int, default=1000)
    parser.add_argument("--consistency-sample", type=int, default=200)
    parser.add_argument(
        "--sqlite-cache-mib",
        type=int,
        default=0,
        help="PRAGMA cache_size for the bench connection (0: the app's default)",
    )
    parser.add_argument("--engine-worker", help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.workdir = args.workdir.resolve()
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.engine_worker:
        if args.engine_worker == "analyzer":
            data = worker_analyzer(args)
        else:
            data = worker_engine(args, args.engine_worker)
        args.result_file.write_text(json.dumps(data, default=str))
        return 0

    import platform
    import sqlite3

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = set(engines) - {"sqlite", "postgres"}
    if unknown:
        raise SystemExit(f"unknown engine(s): {', '.join(sorted(unknown))}")
    results = {
        "config": {
            "articles": args.articles,
            "seed": args.seed,
            "repeat": args.repeat,
            "engines": engines,
            "like_budget": args.like_budget,
            "like_repeat": args.like_repeat,
            "sqlite_cache_mib": args.sqlite_cache_mib,
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite_version": sqlite3.sqlite_version,
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "loadavg_start": os.getloadavg(),
        },
        "goals": GOALS,
        "engines": {},
    }
    results["analyzer"] = run_worker(args, "analyzer")
    for engine in engines:
        results["engines"][engine] = run_worker(args, engine)
    results["summary"] = summarise(results)
    results["total_s"] = time.perf_counter() - T0
    results["loadavg_end"] = os.getloadavg()
    path = args.workdir / "search-results.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    print(report(results))
    print(f"All figures: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The copy desk's word lists: names that end a word, country aliases in
English and Korean, and the interface phrases of old newspaper sites."""

# Names that end a word (countries, places, organisations): the glued-words
# check looks for one of these followed at once by a capital letter.
NAMES = frozenset(
    "Korea Turkey Türkiye Japan China Russia Taiwan Ukraine Mongolia Vietnam "
    "India Pakistan Iran Iraq Israel Syria Egypt Germany France Britain Italy "
    "Spain Poland Canada Mexico Brazil Australia Indonesia Philippines Thailand "
    "Singapore Malaysia Europe Asia Africa America Seoul Pyongyang Tokyo Beijing "
    "Moscow Washington Ankara Busan U.S. U.K. USA US UK UN EU NATO ASEAN ROK DPRK "
    "UAE".split()
)
# Real names written as one word (brands, universities): never flagged.
GLUED_ALLOWED = frozenset({"ChinaNet", "IndiaMART", "USAir", "SeoulTech", "KoreaTech"})

# Country aliases, English and Korean; a demonym counts as its country.
COUNTRIES = {
    "KR": "Republic of Korea|South Korea|S. Korea|ROK|Korea|South Korean|Korean"
    "|Koreans|한국|대한민국|남한|韓",
    "KP": "North Korea|N. Korea|DPRK|Democratic People's Republic of Korea"
    "|North Korean|North Koreans|북한|北",
    "US": "United States|U.S.|US|USA|U.S.A.|America|American|Americans|미국|美",
    "TR": "Turkey|Türkiye|Turkiye|Turkish|터키|튀르키예",
    "JP": "Japan|Japanese|일본|日",
    "CN": "China|Chinese|PRC|중국|中",
    "RU": "Russia|Russian|러시아|露",
    "GB": "United Kingdom|Britain|UK|U.K.|British|영국|英",
    "FR": "France|French|프랑스",
    "DE": "Germany|German|독일",
    "VN": "Vietnam|Viet Nam|Vietnamese|베트남",
    "TW": "Taiwan|Taiwanese|대만",
    "UA": "Ukraine|Ukrainian|우크라이나",
    "AU": "Australia|Australian|호주",
    "CA": "Canada|Canadian|캐나다",
    "PH": "Philippines|Philippine|필리핀",
    "MN": "Mongolia|Mongolian|몽골",
    "PL": "Poland|Polish|폴란드",
}
# Headline shorthand naming two countries, and names of no one country.
COMPOUNDS = {
    "Korean Peninsula": "",
    "한반도": "",
    "inter-Korean": "KR KP",
    "Koreas": "KR KP",
    "남북": "KR KP",
    "한미": "KR US",
    "한일": "KR JP",
    "한중": "KR CN",
    "미중": "US CN",
    "북중": "KP CN",
}
# One syllable for a country, only inside a dotted run such as 한·터키 or
# 북·미 (alone, 중 and 일 are ordinary words: 중·고교, 일·가정).
SYLLABLES = {"한": "KR", "북": "KP", "미": "US", "일": "JP", "중": "CN", "러": "RU"}
DOTS = "·ㆍ・"
ALIASES = {
    **{
        a: frozenset({code})
        for code, names in COUNTRIES.items()
        for a in names.split("|")
    },
    **{alias: frozenset(codes.split()) for alias, codes in COMPOUNDS.items()},
}

INTERFACE_PHRASES = (
    "게시물 검색 설정|기사 검색|검색|로그인|로그아웃|회원가입|이전 기사|다음 기사"
    "|이전글|다음글|목록|목록으로|인쇄|공유|공유하기|스크랩|글자 크기|글씨 크기"
    "|확대|축소|댓글|맨 위로|전체메뉴|닫기|본문 바로가기|기사 공유하기|카카오톡"
    "|페이스북|트위터|메일 보내기|구독"
    "|Print|Share|Font size|Text size|Search|Log in|Login|Sign in|Sign up|Register"
    "|Previous article|Next article|Back to list|List|Email|E-mail|Facebook"
    "|Twitter|Tweet|Copy link|Top|Back to top|Comments|Close|Menu|Subscribe"
    "|Skip to content|A+|A-"
).split("|")

"""Contributors of the fictional Tidewater project (invented logins)."""

# Long-standing members of the project (author_association MEMBER).
MEMBERS = [
    "mara-lindqvist", "okonkwo-dev", "jpaulsen", "ravi-ks", "lucia-ferro", "kbaptiste",
    "chen-yiwen", "dmitri-vasko", "aoife-mc", "samira-bensaid", "tkowalczyk", "haruto-sato",
    "ingridvh", "pablo-arce", "nkemdirim", "svetlana-oz", "marcus-bell", "yaelrosen",
    "fjordsen", "amaru-q", "bea-castellanos", "oskarnyman", "priyanka-m", "teo-marin",
    "zhangwei-tw", "helga-brun", "ade-ogun", "luisa-tidewater", "rkapoor", "emil-strand",
]

# Regular outside contributors (author_association CONTRIBUTOR).
CONTRIBUTORS = [
    "tanvir-h", "gwenllian-j", "noor-alami", "ferenc-k", "callum-ri", "isabel-quiroga",
    "vikram-rao", "ines-duarte", "jonas-brekke", "mwangi-k", "sofia-lopes", "ahmetyilmaz",
    "leah-goldfarb", "bartek-w", "kai-nakamura", "rosa-delgado", "thulani-z", "eliot-frame",
    "petra-hlavac", "umar-farouk", "clementine-b", "dariusz-m", "anjali-venkat", "jakob-ried",
    "mei-lan-wu", "orla-kenny", "sebastien-g", "tomi-adeyemi", "valeria-ruiz", "wren-ashby",
    "xavier-pons", "yuki-hirano", "zeynep-ak", "boris-lenk", "carmen-ibarra",
]

# First-time contributors: they appear only in the newest release (v2.4.0).
FIRST_TIMERS = ["pixelfjord", "nadia-writes", "tomas-eq", "quietkernel", "lenabuilds", "yusuf-ops"]

BOT = "tidewater-cherrypick-bot"

# Contributors who stepped away before the newest release (they appear only in older ones).
RETIRED = {"helga-brun", "boris-lenk", "carmen-ibarra"}


def association(login, first_timers=()):
    if login in first_timers:
        return "FIRST_TIME_CONTRIBUTOR"
    if login in MEMBERS:
        return "MEMBER"
    return "CONTRIBUTOR"

#!/usr/bin/env python3
"""Deterministic generator of the project's own sourcing-label training examples.

Written by the scorer project (MIT licence). Standard library only.

It combines hand-written inventories of parts (sources, reporting cues, contents,
quotes, allegations, contexts, background sentences) into wire-style sentences, and
adds the hand-written complete sentences in ``handwritten.txt``.

Output: ``examples.jsonl`` next to this file, one JSON object per line:
    {"text", "context", "label", "domain", "kind"}
Also writes ``handwritten.jsonl`` (the hand-written part alone, same format).

Labels follow /work/shared/LABELS.md:
    named-source, anonymous-source, official-denial, unattributed

Run:  python3 training/written/generate.py
"""

import collections
import json
import os
import random
import re

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(SEED)

NAMED, ANON, DENIAL, UNATTR = "named-source", "anonymous-source", "official-denial", "unattributed"
DOMAINS = [
    "politics",
    "business",
    "crime",
    "health",
    "sport",
    "war",
    "local",
    "science",
    "courts",
    "climate",
]
DOM_ABBR = {
    "pol": "politics",
    "bus": "business",
    "cri": "crime",
    "hea": "health",
    "spo": "sport",
    "war": "war",
    "loc": "local",
    "sci": "science",
    "cou": "courts",
    "cli": "climate",
}


def pick(seq):
    return rng.choice(seq)


def cap(s):
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1 :]
    return s


def quote(s, style=None):
    style = style or pick(["curly", "curly", "straight"])
    return ("\u201c" + s + "\u201d") if style == "curly" else ('"' + s + '"')


def tidy(s):
    s = re.sub(r"\s+", " ", s).strip()
    s = s.replace(" ,", ",").replace(" .", ".").replace("..", ".")
    s = s.replace(".\u201d.", ".\u201d").replace('.".', '."')
    s = s.replace(",.", ".").replace(",,", ",").replace(", ,", ",").replace(",:", ":")
    s = re.sub(r"\b([A-Z][A-Za-z]+)s's\b", r"\1s'", s)
    s = re.sub(r"\b([Aa]) (8|11|18|80|8\d)\b", r"\1n \2", s)
    return s


# ---------------------------------------------------------------------------
# Generic inventories
# ---------------------------------------------------------------------------
FIRST_F = [
    "Ana",
    "Maria",
    "Helena",
    "Sofia",
    "Amina",
    "Priya",
    "Ingrid",
    "Nadia",
    "Clara",
    "Olga",
    "Fatima",
    "Lena",
    "Grace",
    "Mei",
    "Yuki",
    "Leila",
    "Carmen",
    "Irena",
    "Bridget",
    "Hanna",
    "Ruth",
    "Chiara",
    "Esther",
    "Marta",
    "Zainab",
    "Aylin",
    "Sunita",
    "Joanna",
    "Valeria",
    "Ngozi",
    "Astrid",
    "Camille",
    "Dilnoza",
    "Rosa",
    "Tamar",
    "Aiko",
    "Beatriz",
    "Elif",
    "Kateryna",
    "Mariam",
    "Noor",
    "Paula",
]
FIRST_M = [
    "Daniel",
    "Tomas",
    "Luis",
    "Karim",
    "Arjun",
    "Leon",
    "Pavel",
    "Marco",
    "Jonas",
    "Emeka",
    "Viktor",
    "Samuel",
    "Felix",
    "Ramon",
    "Gareth",
    "Piotr",
    "Hiroshi",
    "Kwame",
    "Omar",
    "Mateo",
    "Henrik",
    "David",
    "Ivan",
    "Rafael",
    "Nikolai",
    "Ahmed",
    "Bruno",
    "Diego",
    "Erik",
    "Farid",
    "Gustavo",
    "Hassan",
    "Ibrahim",
    "Jakub",
    "Kenji",
    "Lars",
    "Malik",
    "Niall",
    "Oscar",
    "Rahul",
    "Stefan",
    "Tariq",
]
LAST = [
    "Varga",
    "Carrera",
    "Okonkwo",
    "Reyes",
    "Mwangi",
    "Lindqvist",
    "Haddad",
    "Petrenko",
    "Obi",
    "Halvorsen",
    "Mehta",
    "Brandt",
    "Hartmann",
    "Novak",
    "Vega",
    "Adeyemi",
    "Siddiqui",
    "Ortega",
    "Burke",
    "Yusuf",
    "Aronsson",
    "Mendes",
    "Keane",
    "Okafor",
    "Bellini",
    "Eriksen",
    "Sandor",
    "Kovac",
    "Alves",
    "Walsh",
    "Nair",
    "Owens",
    "Osei",
    "Castellanos",
    "Boateng",
    "Marinov",
    "Duarte",
    "Bakare",
    "Sorensen",
    "Ruiz",
    "Zielinski",
    "Brenner",
    "Lemaire",
    "Harper",
    "Tanaka",
    "Moreau",
    "Fischer",
    "Kowalczyk",
    "Demir",
    "Nguyen",
    "Santos",
    "Ferreira",
    "Mensah",
    "Rahman",
    "Ivanova",
    "Jansen",
    "Kaplan",
    "Larsen",
    "Moyo",
    "Nakamura",
    "Oduya",
    "Pereira",
    "Quist",
    "Rossi",
    "Schmidt",
    "Teo",
    "Uchida",
    "Vasquez",
    "Wekesa",
    "Yilmaz",
    "Zamora",
    "Abara",
    "Bianchi",
    "Chowdhury",
    "Dlamini",
    "Esposito",
    "Fonseca",
    "Gallo",
    "Horvath",
    "Iqbal",
    "Juarez",
    "Kariuki",
    "Lopes",
    "Mahlangu",
    "Nieminen",
    "Ostrowski",
    "Park",
]

CITIES = [
    "Valmora",
    "Port Elsby",
    "Kastrel",
    "Novi Brod",
    "Santa Lucena",
    "Harwick",
    "Dunmore",
    "Terrano",
    "Belgrove",
    "Azuri",
    "Okaro",
    "Lindfield",
    "Marlow Bay",
    "Sabrano",
    "Corvo",
    "Port Ansel",
    "Velik",
    "Amran",
    "Selo",
    "Easthaven",
    "Ridgeford",
    "Caldera Springs",
    "Norvik",
    "Pellan",
    "Redwater",
]
# Invented countries for governments, armies and allegations (no real government is accused of anything).
COUNTRIES = [
    ("Valdoria", "Valdorian", "Port Ansel"),
    ("Ostrana", "Ostranian", "Velik"),
    ("Karesh", "Kareshi", "Amran"),
    ("Lusenia", "Lusenian", "Corvo"),
    ("Tamaris", "Tamarisian", "Selo"),
    ("Norvania", "Norvanian", "Norvik"),
    ("Belmara", "Belmaran", "Sabrano"),
    ("Estoria", "Estorian", "Pellan"),
    ("Kadira", "Kadiran", "Okaro"),
    ("Sarvia", "Sarvian", "Terrano"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
COMPANIES = [
    "Northwind Energy",
    "Halvorsen Shipping",
    "Corvala Foods",
    "Brightmere Bank",
    "Tessaro Motors",
    "Kestrel Airlines",
    "Ostrava Steel",
    "Quantex Labs",
    "Greyfield Homes",
    "Solano Pharma",
    "Meridian Telecom",
    "Aldercrest Insurance",
    "Vantor Logistics",
    "Bluepeak Mining",
    "Orrin Retail",
    "Castellan Chemicals",
    "Larkspur Media",
    "Helix Biotech",
    "Pinecrest Foods",
    "Ardent Payments",
]
CLUBS = [
    "FC Lindholm",
    "Riverside Rovers",
    "Valmora United",
    "Sporting Kastrel",
    "Harwick Town",
    "Dunmore Athletic",
    "Port Elsby City",
    "Azuri Stars",
    "Belgrove Wanderers",
    "Novi Brod FC",
]
OUTLETS = [
    "Reuters",
    "the Associated Press",
    "Bloomberg",
    "Agence France-Presse",
    "the Harbour Times",
    "the Daily Meridian",
    "Radio Meridian",
    "the Financial Ledger",
    "the Valmora Herald",
    "Channel 9 News",
    "the Kastrel Observer",
    "Sport Meridian",
    "the Evening Courier",
    "Al Jazeera",
    "the Northern Gazette",
    "Radio Selo",
]


def num(lo=2, hi=95):
    return str(rng.randint(lo, hi))


def money():
    return (
        pick(["$", "", ""])
        and "$%s %s"
        % (
            pick(["1.2", "2.5", "3", "450", "800", "12", "4.7", "60"]),
            pick(["million", "million", "million", "billion"]),
        )
        or "%s %s %s"
        % (
            pick(["1.2", "2.5", "3", "450", "800", "12", "4.7", "60"]),
            pick(["million", "million", "million", "billion"]),
            pick(["euros", "pounds", "dollars"]),
        )
    )


def fill(s, **extra):
    """Fill slot markers in an inventory string."""
    country = pick(COUNTRIES)
    vals = {
        "n": num(),
        "n2": num(2, 9),
        "n3": num(100, 990),
        "pct": num(2, 40) + " percent",
        "money": money(),
        "city": pick(CITIES),
        "city2": pick(CITIES),
        "country": country[0],
        "cadj": country[1],
        "capital": country[2],
        "year": str(rng.randint(1985, 2023)),
        "day": pick(DAYS),
        "month": pick(MONTHS),
        "company": pick(COMPANIES),
        "company2": pick(COMPANIES),
        "club": pick(CLUBS),
        "outlet": pick(OUTLETS),
        "date": "%s %d" % (pick(MONTHS), rng.randint(1, 28)),
        "lname": pick(LAST),
        "ord": pick(["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]),
        "k": num(2, 60),
        "hour": pick(["7", "8", "9", "10", "11"]),
    }
    vals.update(extra)
    for k, v in vals.items():
        s = s.replace("{" + k + "}", v)
    return s


def person(gender=None):
    gender = gender or pick("fm")
    first = pick(FIRST_F if gender == "f" else FIRST_M)
    return first, pick(LAST), gender


def pron(g):
    return {"f": ("she", "her"), "m": ("he", "his"), "n": ("it", "its"), "p": ("they", "their")}[g]


# ---------------------------------------------------------------------------
# Domain inventories
#   roles:   (title before name or None, description after name, back-reference noun)
#   orgs:    named organisations / governments / courts / documents (singular, definite)
#   titles:  singular titled roles that pick out one person (named)
#   anon:    (descriptor, plural?)  vague sources
#   content: (subject, predicate) clauses that can be reported
#   quotes:  first-person quotable sentences (no final stop)
#   acts:    allegations, completing "denied that {who} had ..."
#   accnoun: noun phrases for "accusations of ..."
#   background: unattributed sentences
# ---------------------------------------------------------------------------
D = {}

D["politics"] = dict(
    roles=[
        ("Finance Minister", "the finance minister", "minister"),
        ("Foreign Minister", "the foreign minister", "minister"),
        ("Prime Minister", "the prime minister", "prime minister"),
        ("President", "the president", "president"),
        ("Interior Minister", "the interior minister", "minister"),
        ("Senator", "a senator from the ruling party", "senator"),
        ("opposition leader", "the leader of the opposition", "opposition leader"),
        ("Trade Minister", "the trade minister", "minister"),
        ("Deputy Prime Minister", "the deputy prime minister", "deputy prime minister"),
        (None, "a spokesperson for the prime minister", "spokesperson"),
        (None, "the government's chief negotiator", "negotiator"),
        ("lawmaker", "a member of the budget committee", "lawmaker"),
        ("Speaker", "the speaker of parliament", "speaker"),
    ],
    orgs=[
        "the {cadj} Foreign Ministry",
        "the {cadj} government",
        "the electoral commission of {country}",
        "the prime minister's office",
        "the {cadj} Finance Ministry",
        "the European Commission",
        "the United Nations",
        "{capital}",
        "the presidency in {capital}",
        "the ruling Unity Party",
        "the opposition Democratic Alliance",
        "the {cadj} parliament's budget office",
        "the {cadj} embassy in {city}",
    ],
    titles=[
        "the {cadj} foreign minister",
        "the {cadj} prime minister",
        "the president's chief of staff",
        "the {cadj} government spokesman",
        "the UN secretary-general",
        "the mayor of {city}",
        "the speaker of the {cadj} parliament",
        "the party's general secretary",
    ],
    anon=[
        ("officials", True),
        ("government officials", True),
        ("a senior official", False),
        ("two people familiar with the matter", True),
        ("a source familiar with the matter", False),
        ("diplomats", True),
        ("a diplomat involved in the talks", False),
        ("a person briefed on the talks", False),
        ("government sources", True),
        ("sources in the ruling party", True),
        ("a senior administration official", False),
        ("people close to the prime minister", True),
        ("party insiders", True),
        ("several lawmakers", True),
        ("a cabinet source", False),
        ("Western officials", True),
        ("aides", True),
        ("one senior minister", False),
    ],
    content=[
        ("the government", "plans to raise the minimum wage by {pct} next year"),
        ("the coalition", "is close to agreeing a budget deal"),
        ("the prime minister", "will reshuffle the cabinet before the summer recess"),
        ("the ruling party", "is likely to lose its majority in the upper house"),
        ("the election", "will be held on {date}"),
        ("the two leaders", "discussed trade, migration and energy during a {n2}-hour meeting"),
        ("the bill", "would give regional governments more control over tax revenue"),
        ("the opposition", "intends to call a vote of no confidence next week"),
        ("the president", "has no plans to seek a third term"),
        ("the finance ministry", "is drafting spending cuts worth {money}"),
        ("the talks", "stalled over the question of fishing rights"),
        ("the referendum", "is likely to be postponed until the autumn"),
        ("turnout", "was the lowest since {year}"),
        ("several ministers", "have privately urged the leader to step aside"),
        ("the new visa rules", "will take effect on {date}"),
        ("the delegation", "will travel to {city} next week for a second round of talks"),
        ("the interior minister", "is considering tighter rules on street protests"),
        ("the party", "raised {money} in donations last quarter"),
        ("the government", "will ask parliament to extend the state of emergency by {n2} months"),
        ("the summit", "ended without a joint statement"),
        ("the ambassador", "was recalled for consultations on {day}"),
        ("negotiators", "have agreed on most of the text of the trade agreement"),
        ("the cabinet", "approved the draft budget at a late-night meeting"),
        ("the reform", "would cut the number of regional councils from {n} to {n2}"),
    ],
    quotes=[
        "We will not be pushed around by anyone",
        "The people have spoken and we respect their decision",
        "This budget is about fairness",
        "Our door remains open to dialogue",
        "Nobody is above the law",
        "We have the votes and we will pass this bill",
        "The coalition is stronger than ever",
        "I have no intention of resigning",
        "This is a historic day for our country",
        "We need a government that listens",
        "There will be no new taxes on working families",
        "We expect a decision within days",
        "The talks were difficult but constructive",
    ],
    acts=[
        "used public funds for a private trip",
        "accepted money from a foreign donor",
        "ordered surveillance of opposition politicians",
        "interfered in the appointment of judges",
        "promised jobs in exchange for votes",
        "leaked classified documents to the press",
        "rigged the party leadership vote",
        "hidden the true size of the budget deficit",
        "paid for fake social media accounts",
        "pressured the electoral commission",
    ],
    accnoun=[
        "corruption",
        "vote-rigging",
        "election interference",
        "abuse of office",
        "espionage",
        "nepotism",
    ],
    accused=[
        "the {cadj} Foreign Ministry",
        "the {cadj} government",
        "the prime minister's office",
        "{capital}",
        "the ruling Unity Party",
        "the opposition Democratic Alliance",
        "the presidency in {capital}",
        "the {cadj} Interior Ministry",
    ],
    background=[
        "{country} has held elections every four years since {year}.",
        "The ruling party has governed for {n2} of the past 12 years.",
        "The lower house has {n3} seats.",
        "The last general election took place in {month} {year}.",
        "The prime minister took office in {year} after a snap election.",
        "The constitution limits presidents to two terms.",
        "Parliament returns from its summer recess on {date}.",
        "The coalition was formed after months of negotiations in {year}.",
        "Both countries are members of the regional trade bloc.",
        "The border between the two countries has been disputed since {year}.",
        "Turnout has fallen at every election since {year}.",
        "The opposition has not won a national vote since {year}.",
        "The budget must be approved by the end of {month}.",
        "The capital, {capital}, is home to about {n2} million people.",
        "The two leaders last met in {city} in {year}.",
    ],
)

D["business"] = dict(
    roles=[
        (None, "the chief executive of {company}", "chief executive"),
        (None, "{company}'s chief financial officer", "finance chief"),
        ("chairman", "the chairman of {company}", "chairman"),
        (None, "an economist at {company}", "economist"),
        (None, "a partner at the consultancy Brightline Advisory", "consultant"),
        ("Central bank governor", "the governor of the central bank", "governor"),
        (None, "the founder of {company}", "founder"),
        (None, "a fund manager at Aldgate Capital", "fund manager"),
        (None, "the head of the retailers' association", "association head"),
    ],
    orgs=[
        "{company}",
        "the central bank",
        "the national statistics office",
        "the competition authority",
        "the Bank of {country}",
        "the International Monetary Fund",
        "the stock exchange regulator",
        "the employers' federation",
        "the finance ministry in {capital}",
        "{company}'s board",
        "the shipping union",
    ],
    titles=[
        "{company}'s chief executive",
        "the central bank governor",
        "the company's chairman",
        "{company}'s finance chief",
        "the head of the stock exchange",
        "the IMF's chief economist",
    ],
    anon=[
        ("people familiar with the matter", True),
        ("a person familiar with the deal", False),
        ("sources close to the company", True),
        ("bankers involved in the deal", True),
        ("two people with knowledge of the talks", True),
        ("analysts", True),
        ("economists", True),
        ("investors", True),
        ("industry sources", True),
        ("a person briefed on the plans", False),
        ("traders", True),
        ("insiders", True),
        ("one senior executive", False),
        ("market watchers", True),
        ("a source at the company", False),
        ("people close to the board", True),
    ],
    content=[
        ("{company}", "is preparing to cut about {n3} jobs"),
        ("{company}", "is in talks to buy {company2} for about {money}"),
        ("the central bank", "will raise interest rates by a quarter of a point next month"),
        ("inflation", "is likely to peak at around {n2} percent this summer"),
        ("the deal", "could be announced as early as {day}"),
        ("the company", "will move its headquarters to {city}"),
        ("profits", "fell {pct} in the first quarter"),
        ("the airline", "has ordered {n} new aircraft"),
        ("the bank", "is weighing a sale of its insurance arm"),
        ("the chief executive", "will step down at the end of the year"),
        ("the merger", "would create the country's largest retailer"),
        ("{company}", "plans to list its shares in {city} next year"),
        ("fuel prices", "will keep rising until the autumn"),
        ("the factory", "will close by {month}"),
        ("the company", "has hired advisers to explore a sale of its chemicals division"),
        ("the board", "rejected a takeover approach from {company2}"),
        ("the steelmaker", "will ask the government for emergency support"),
        ("exports", "rose {pct} in {month}"),
        ("the firm", "will pay a special dividend of {money}"),
        ("the economy", "is heading for a mild recession"),
        ("the retailer", "will shut {n} stores across the country"),
        ("the union", "will call a strike if the offer is not improved"),
    ],
    quotes=[
        "Demand has never been stronger",
        "We are confident in our long-term strategy",
        "This is a difficult but necessary decision",
        "Our balance sheet is strong",
        "We are not for sale",
        "The next two quarters will be tough",
        "Customers are spending more carefully",
        "We see enormous potential in this market",
        "Inflation is coming down, but slowly",
        "We will protect jobs wherever we can",
        "This deal makes sense for shareholders",
    ],
    acts=[
        "misled investors about its debts",
        "fixed prices with competitors",
        "used forced labour in its supply chain",
        "concealed safety defects in its vehicles",
        "avoided taxes through offshore subsidiaries",
        "shared customer data without consent",
        "inflated its profits",
        "bribed officials to win contracts",
        "overcharged customers for years",
        "ignored warnings about the collapse of a supplier",
    ],
    accnoun=[
        "price fixing",
        "accounting fraud",
        "tax evasion",
        "insider trading",
        "bribery",
        "market abuse",
    ],
    accused=[
        "{company}",
        "{company}",
        "{company}",
        "{company}'s board",
        "the central bank",
        "the competition authority",
    ],
    background=[
        "{company} was founded in {year} and employs about {k},000 people.",
        "Shares in {company} have fallen {pct} since {month}.",
        "The central bank's main interest rate stands at {n2} percent.",
        "Inflation peaked at {n} percent in {month} {year}.",
        "The company is listed in {city} and New York.",
        "{company} reported a loss in each of the past {n2} years.",
        "The sector employs around {k},000 people nationwide.",
        "The merger was first proposed in {year}.",
        "Car sales have not recovered to their {year} levels.",
        "The airline operates about {n3} flights a day.",
        "The economy grew by {n2} percent last year.",
        "Tourism accounts for about {n} percent of the country's output.",
        "The euro has weakened against the dollar this year.",
        "Oil prices have risen by about a quarter since {month}.",
    ],
)

D["crime"] = dict(
    roles=[
        ("Detective Inspector", "the officer leading the investigation", "detective"),
        ("Police Chief", "the city's police chief", "police chief"),
        ("Chief Superintendent", "the head of the regional police", "superintendent"),
        (None, "a lawyer for the family", "lawyer"),
        (None, "the public prosecutor in {city}", "prosecutor"),
        ("Sheriff", "the county sheriff", "sheriff"),
        (None, "a spokesperson for {city} police", "spokesperson"),
        ("Mayor", "the mayor of {city}", "mayor"),
    ],
    orgs=[
        "{city} police",
        "the National Crime Agency",
        "the public prosecutor's office in {city}",
        "the {cadj} Interior Ministry",
        "Interpol",
        "the {city} sheriff's office",
        "the prison service",
        "the coast guard",
        "the customs service",
        "the fire department in {city}",
    ],
    titles=[
        "the city's police chief",
        "the chief prosecutor",
        "the head of the anti-corruption bureau",
        "the county sheriff",
        "the mayor of {city}",
        "the prison governor",
    ],
    anon=[
        ("a source close to the investigation", False),
        ("police sources", True),
        ("witnesses", True),
        ("residents", True),
        ("neighbours", True),
        ("a police officer who asked not to be named", False),
        ("people familiar with the case", True),
        ("investigators", True),
        ("a law enforcement official", False),
        ("local media", True),
        ("a security source", False),
        ("two officers at the scene", True),
        ("a person with knowledge of the investigation", False),
    ],
    content=[
        ("the suspect", "was arrested at an address in {city} early on {day}"),
        ("the victim", "was taken to hospital with serious injuries"),
        ("the gunman", "had been known to police for years"),
        ("three men", "have been charged with robbery"),
        ("the stolen goods", "were worth about {money}"),
        ("officers", "seized {n} kilograms of cocaine from a lorry at the port"),
        ("the fire", "was started deliberately"),
        ("the gang", "smuggled migrants across the border in refrigerated trucks"),
        ("the attack", "was not related to terrorism"),
        ("the suspect", "fled the country two days after the shooting"),
        ("the car", "had been reported stolen a week earlier"),
        ("a second suspect", "remains at large"),
        ("the body", "was found in woodland near {city}"),
        ("the robbers", "escaped on motorcycles with cash and jewellery"),
        ("the investigation", "could take several months"),
        ("the teenager", "was stabbed outside a shopping centre"),
        ("officers", "found a handgun in the boot of the car"),
        ("the network", "laundered about {money} through shell companies"),
    ],
    quotes=[
        "We will find the people responsible",
        "This was a cowardly attack",
        "Our thoughts are with the family",
        "I urge anyone with information to come forward",
        "There is no wider threat to the public",
        "We heard shouting and then two loud bangs",
        "The street has been sealed off",
        "This investigation is at an early stage",
        "We are following several lines of inquiry",
    ],
    acts=[
        "used excessive force during the arrest",
        "destroyed evidence",
        "covered up the shooting",
        "ignored warnings about the suspect",
        "planted drugs on the suspect",
        "been involved in the robbery",
        "run a money-laundering network",
        "tipped off the gang before the raid",
        "taken bribes from smugglers",
    ],
    accnoun=[
        "police brutality",
        "corruption",
        "a cover-up",
        "drug trafficking",
        "money laundering",
    ],
    accused=[
        "{city} police",
        "the prison service",
        "the customs service",
        "the {city} sheriff's office",
        "the coast guard",
    ],
    background=[
        "The robbery was the third in the area this year.",
        "Knife crime in {city} has risen every year since {year}.",
        "The shooting happened shortly after {n2} p.m. on {day}.",
        "The street was reopened to traffic on {day} afternoon.",
        "The port is one of the busiest in the region.",
        "Homicides in the city fell by {pct} last year.",
        "The prison holds about {n3} inmates.",
        "The border crossing is a known smuggling route.",
        "The nightclub reopened in {month} after a refurbishment.",
        "Burglaries usually rise in the winter months.",
    ],
)

D["health"] = dict(
    roles=[
        ("Health Minister", "the health minister", "minister"),
        ("Dr.", "an epidemiologist at the University of {city}", "doctor"),
        ("Dr.", "the medical director of St Catherine's Hospital", "doctor"),
        ("Professor", "a virologist at the {city} Institute", "professor"),
        (None, "the head of the nurses' union", "union leader"),
        (None, "the chief executive of Solano Pharma", "chief executive"),
        ("Dr.", "a paediatrician in {city}", "doctor"),
    ],
    orgs=[
        "the World Health Organization",
        "the health ministry",
        "the European Medicines Agency",
        "St Catherine's Hospital",
        "Solano Pharma",
        "Helix Biotech",
        "the nurses' union",
        "the national public health institute",
        "the {city} hospital trust",
        "the Red Cross",
        "Doctors Without Borders",
    ],
    titles=[
        "the chief medical officer",
        "the health minister",
        "the WHO's director-general",
        "the hospital's medical director",
        "the head of the drug regulator",
    ],
    anon=[
        ("doctors", True),
        ("health officials", True),
        ("experts", True),
        ("a senior doctor", False),
        ("nurses at the hospital", True),
        ("people familiar with the review", True),
        ("scientists", True),
        ("public health experts", True),
        ("a source at the ministry", False),
        ("medical staff", True),
        ("some researchers", True),
        ("patients", True),
    ],
    content=[
        ("the outbreak", "has spread to {n2} more districts"),
        ("the vaccine", "cut hospital admissions by {pct}"),
        ("waiting lists", "have grown by a third since {year}"),
        ("the hospital", "has run out of beds in its intensive care unit"),
        ("the new variant", "does not appear to cause more severe illness"),
        ("the drug", "will be available to patients from {month}"),
        ("the number of measles cases", "has doubled this year"),
        ("the trial", "was paused after two participants fell ill"),
        ("the ministry", "will recruit {n3} more nurses"),
        ("the shortage of antibiotics", "could last until the spring"),
        ("the virus", "is spreading faster among children"),
        ("flu cases", "peaked earlier than usual this winter"),
        ("the clinic", "will close at the end of {month}"),
        ("hospitals", "will postpone non-urgent operations"),
        ("the screening programme", "will be extended to women over 50"),
        ("the heatwave", "caused hundreds of extra deaths"),
    ],
    quotes=[
        "Every bed in the hospital is full",
        "Vaccination remains our best defence",
        "We are seeing children arrive in a terrible state",
        "Staff are exhausted",
        "This is a serious public health emergency",
        "The risk to the general public remains low",
        "We need more nurses, not more promises",
        "These results are extremely encouraging",
    ],
    acts=[
        "hidden data on side effects",
        "delayed reporting the outbreak",
        "overcharged patients for tests",
        "turned away uninsured patients",
        "ignored staff warnings about infections",
        "falsified waiting-time figures",
        "paid doctors to prescribe its drug",
    ],
    accnoun=["negligence", "data manipulation", "a cover-up", "price gouging"],
    accused=[
        "Solano Pharma",
        "St Catherine's Hospital",
        "the health ministry",
        "the {city} hospital trust",
        "Helix Biotech",
        "the {cadj} health ministry",
    ],
    background=[
        "Measles can be deadly for young children.",
        "The hospital has {n3} beds and serves about half a million people.",
        "The country has about {n2} doctors for every 1,000 people.",
        "The vaccine was approved in {year}.",
        "Flu season usually peaks in {month}.",
        "The virus was first identified in {year}.",
        "Life expectancy has risen by {n2} years since 1990.",
        "Most cases are mild and clear up within a week.",
        "The disease is spread by mosquitoes.",
        "About {pct} of adults in the country smoke.",
    ],
)

D["sport"] = dict(
    roles=[
        (None, "the manager of {club}", "manager"),
        ("coach", "the head coach of {club}", "coach"),
        ("captain", "the {club} captain", "captain"),
        (None, "the president of the football federation", "federation president"),
        ("striker", "the {club} striker", "striker"),
        ("sprinter", "the world champion sprinter", "sprinter"),
        (None, "the chief executive of the league", "league chief"),
    ],
    orgs=[
        "{club}",
        "the football federation",
        "UEFA",
        "the International Olympic Committee",
        "World Athletics",
        "the league",
        "the anti-doping agency",
        "the tennis federation",
        "the cycling union",
        "the players' union",
    ],
    titles=[
        "the {club} manager",
        "the federation president",
        "the club's owner",
        "the league's chief executive",
        "the team's head coach",
        "the IOC president",
    ],
    anon=[
        ("sources close to the player", True),
        ("people close to the club", True),
        ("a person close to the federation", False),
        ("club insiders", True),
        ("pundits", True),
        ("critics", True),
        ("a source at the club", False),
        ("several players", True),
        ("fans", True),
        ("people familiar with the negotiations", True),
        ("one team-mate", False),
        ("the player's camp", True),
    ],
    content=[
        ("the striker", "has agreed personal terms with {club}"),
        ("the captain", "will miss at least {n2} weeks with a knee injury"),
        ("the club", "is willing to pay up to {money} for the midfielder"),
        ("the manager", "will be sacked if the team loses on {day}"),
        ("the final", "will be moved to a neutral venue"),
        ("the goalkeeper", "has asked to leave in the summer"),
        ("the team", "will travel to {city} for a training camp"),
        ("the new stadium", "will be ready by {year}"),
        ("the federation", "will expand the tournament to {n} teams"),
        ("the sprinter", "will retire after the world championships"),
        ("the club", "is close to signing two defenders"),
        ("the match", "will be played behind closed doors"),
        ("the owner", "is willing to sell the club"),
        ("the coach", "has been offered a new {n2}-year contract"),
    ],
    quotes=[
        "We were not good enough today",
        "I have given everything for this club",
        "The players showed real character",
        "We will fight until the last game",
        "It is time for somebody younger",
        "I am very happy here",
        "The referee made a big mistake",
        "This medal is for my mother",
        "We have to take it one game at a time",
    ],
    acts=[
        "fixed the match",
        "taken banned substances",
        "made illegal payments to agents",
        "broken spending rules",
        "agreed to join a rival club",
        "asked to leave the club",
        "bet on his own games",
        "tampered with a doping sample",
        "fallen out with the owner",
    ],
    accnoun=["match-fixing", "doping", "financial irregularities", "racist abuse", "bullying"],
    accused=[
        "{club}",
        "{club}",
        "the football federation",
        "the league",
        "the cycling union",
        "the tennis federation",
    ],
    background=[
        "{club} have not won the league since {year}.",
        "The club was founded in {year}.",
        "The stadium holds about {k},000 spectators.",
        "The tournament is held every four years.",
        "The derby is the oldest fixture in the country.",
        "The club finished {ord} last season.",
        "The world record has stood since {year}.",
        "The transfer window closes at the end of {month}.",
        "The team has lost {n2} of its last 10 matches.",
        "The final was first played in {year}.",
    ],
)

D["war"] = dict(
    roles=[
        ("Defence Minister", "the defence minister", "minister"),
        ("General", "the commander of the eastern front", "general"),
        ("Colonel", "a spokesperson for the army", "colonel"),
        (None, "the head of the UN peacekeeping mission", "envoy"),
        (None, "the governor of the northern province", "governor"),
        ("Major", "an army spokesman", "officer"),
    ],
    orgs=[
        "the {cadj} Defence Ministry",
        "the {cadj} army",
        "the UN refugee agency",
        "the International Committee of the Red Cross",
        "NATO",
        "the {cadj} general staff",
        "the UN peacekeeping mission",
        "the rebel command",
        "the {cadj} government",
        "the World Food Programme",
    ],
    titles=[
        "the {cadj} defence minister",
        "the army chief of staff",
        "the head of the rebel movement",
        "the UN envoy",
        "the regional governor",
        "the commander of the peacekeeping force",
    ],
    anon=[
        ("military sources", True),
        ("intelligence sources", True),
        ("a Western diplomat", False),
        ("residents", True),
        ("witnesses", True),
        ("aid workers", True),
        ("a security source", False),
        ("Telegram channels linked to the militia", True),
        ("pro-government bloggers", True),
        ("a military official who asked not to be named", False),
        ("local sources", True),
        ("people who fled the town", True),
        ("security officials", True),
        ("a senior army officer", False),
        ("military analysts", True),
    ],
    content=[
        ("at least {n} soldiers", "were killed in the ambush"),
        ("the army", "has withdrawn from two villages east of the river"),
        ("the rebels", "have received new anti-aircraft missiles"),
        ("the convoy", "reached the besieged town on {day}"),
        ("more than {n3},000 people", "have fled the fighting in the past month"),
        ("the ceasefire talks", "collapsed over prisoner exchanges"),
        ("drones", "struck a fuel depot near {city} overnight"),
        ("the offensive", "has been postponed until the spring"),
        ("the bridge", "was destroyed in an air strike"),
        ("the militia", "controls most of the northern province"),
        ("the two sides", "exchanged {n} prisoners on {day}"),
        ("reinforcements", "will arrive within days"),
        ("the airport", "has been closed since {month}"),
        ("heavy shelling", "continued through the night"),
        ("air defences", "shot down {n} drones overnight"),
    ],
    quotes=[
        "Our soldiers are holding every position",
        "They came at dawn and burned every house",
        "We will not give up a single metre",
        "The humanitarian situation is catastrophic",
        "We took nothing with us",
        "There is no food left in the city",
        "The shelling never stops",
        "We are ready to talk, but not to surrender",
    ],
    acts=[
        "targeted civilian areas",
        "used banned cluster munitions",
        "sent troops across the border",
        "supplied weapons to the rebels",
        "blocked aid convoys",
        "shot down the airliner",
        "executed prisoners",
        "struck the hospital",
        "recruited child soldiers",
    ],
    accnoun=["war crimes", "ethnic cleansing", "indiscriminate shelling", "torture of prisoners"],
    accused=[
        "the {cadj} Defence Ministry",
        "the {cadj} army",
        "the rebel command",
        "the {cadj} general staff",
        "the {cadj} government",
        "the militia's leadership",
        "{capital}",
    ],
    background=[
        "The river has marked the front line for most of the past year.",
        "Fighting broke out in {month} {year}.",
        "The town had about {k},000 inhabitants before the war.",
        "The ceasefire was agreed in {year} but never fully held.",
        "The province borders {country} to the east.",
        "The war has displaced more than a million people.",
        "The airport was the country's main link to the outside world.",
        "The peacekeeping mission was set up in {year}.",
        "The road is the only supply route into the city.",
        "The conflict is now in its {ord} year.",
    ],
)

D["local"] = dict(
    roles=[
        ("Councillor", "a member of the city council", "councillor"),
        ("Mayor", "the mayor of {city}", "mayor"),
        (None, "the owner of a bakery on Main Street", "owner"),
        (None, "the head teacher of {city} Primary School", "head teacher"),
        ("fire chief", "the chief of the {city} fire service", "fire chief"),
        (None, "the chair of the residents' association", "chair"),
    ],
    orgs=[
        "{city} County Council",
        "the city council",
        "the {city} fire service",
        "the school district",
        "the water company",
        "the transport authority",
        "Greyfield Homes",
        "the local health board",
        "the highways agency",
        "the library trust",
    ],
    titles=[
        "the mayor of {city}",
        "the council leader",
        "the town's fire chief",
        "the head of the school board",
        "the city's chief planner",
    ],
    anon=[
        ("residents", True),
        ("neighbours", True),
        ("witnesses", True),
        ("parents", True),
        ("shop owners", True),
        ("a council employee who asked not to be named", False),
        ("people familiar with the plans", True),
        ("local people", True),
        ("campaigners", True),
        ("commuters", True),
        ("a council source", False),
    ],
    content=[
        ("the library", "will reopen in {month} after repairs to its roof"),
        ("the road", "will stay closed until at least {day}"),
        ("the council", "is considering closing two primary schools"),
        ("the water supply", "was cut off for almost three days"),
        ("the bus", "swerved to avoid a cyclist before hitting a wall"),
        ("the fire", "started in a kitchen on the ground floor"),
        ("council tax", "will rise by {n2} percent in {month}"),
        ("the new housing estate", "will have {n3} homes"),
        ("the festival", "attracted more than {n},000 visitors"),
        ("the bridge", "needs urgent repairs"),
        ("bin collections", "will move to every two weeks"),
        ("the swimming pool", "will close for a year"),
        ("the market", "will move to the old station car park"),
    ],
    quotes=[
        "We lost everything in ten minutes",
        "The water came up through the floor",
        "This town deserves better",
        "We have been asking for a crossing for years",
        "Nobody from the council has been to see us",
        "It is a lovely community",
        "We want our library back",
    ],
    acts=[
        "ignored complaints about the bridge",
        "awarded the contract to a relative",
        "closed the library without consultation",
        "dumped waste in the river",
        "wasted money on the stadium project",
        "sold the park to a developer in secret",
    ],
    accnoun=["mismanagement", "cronyism", "negligence"],
    accused=[
        "{city} County Council",
        "the city council",
        "Greyfield Homes",
        "the water company",
        "the school district",
        "the transport authority",
    ],
    background=[
        "The bridge was built in {year}.",
        "The town has a population of about {k},000.",
        "The library opened in {year}.",
        "The high street has lost {n2} shops in the past year.",
        "The river last flooded in {year}.",
        "The school has about {n3} pupils.",
        "The market has been held every Saturday since {year}.",
        "The council is run by a coalition of independents.",
        "The bus route links the town with {city}.",
    ],
)

D["science"] = dict(
    roles=[
        ("Professor", "a physicist at the University of {city}", "professor"),
        ("Dr.", "a researcher at the {city} Institute", "researcher"),
        (None, "the chief executive of Quantex Labs", "chief executive"),
        (None, "the mission's project scientist", "scientist"),
        (None, "a security researcher at Ardent Payments", "researcher"),
        (None, "the head of the space agency", "agency head"),
    ],
    orgs=[
        "NASA",
        "the European Space Agency",
        "Quantex Labs",
        "Meridian Telecom",
        "the University of {city}",
        "the journal Nature",
        "the {city} Institute of Technology",
        "Helix Biotech",
        "the national space agency",
        "the data protection authority",
    ],
    titles=[
        "the mission's chief scientist",
        "the head of the space agency",
        "Quantex's chief technology officer",
        "the university's vice-chancellor",
        "the lead author of the study",
    ],
    anon=[
        ("researchers", True),
        ("security researchers", True),
        ("scientists", True),
        ("experts", True),
        ("people familiar with the product", True),
        ("engineers working on the project", True),
        ("a person with knowledge of the launch", False),
        ("some scientists", True),
        ("industry analysts", True),
        ("employees", True),
        ("a former employee", False),
    ],
    content=[
        ("the probe", "entered orbit around the asteroid"),
        ("the battery", "can be charged in under {n2} minutes"),
        ("the flaw", "could allow attackers to take control of the devices"),
        ("the company", "will release its next phone in {month}"),
        ("the telescope", "has found {n} new planets"),
        ("the update", "will be rolled out to all users next week"),
        ("the launch", "was delayed by a fuel leak"),
        ("the startup", "is raising money at a valuation of about {money}"),
        ("the chip", "uses {pct} less power than its predecessor"),
        ("the data breach", "affected about {n} million customers"),
        ("the rover", "will land in {month}"),
        ("the AI model", "will be made available to researchers"),
        ("the results", "need to be replicated"),
    ],
    quotes=[
        "The first images exceeded our expectations",
        "This is a huge step forward",
        "We take the security of our users very seriously",
        "There is still a lot we do not know",
        "Science moves slowly, and that is a good thing",
        "The mission is going perfectly",
    ],
    acts=[
        "fabricated data in the study",
        "stolen trade secrets",
        "sold user data to advertisers",
        "concealed a security breach",
        "tested the software on users without consent",
        "copied a rival's design",
    ],
    accnoun=["data fabrication", "plagiarism", "patent infringement", "privacy violations"],
    accused=[
        "Quantex Labs",
        "Meridian Telecom",
        "Helix Biotech",
        "the University of {city}",
        "Ardent Payments",
        "the {city} Institute of Technology",
        "Larkspur Media",
    ],
    background=[
        "The telescope was launched in {year}.",
        "The probe travelled for {n2} years to reach the asteroid.",
        "Lithium is a key ingredient in batteries.",
        "The company was founded in a garage in {year}.",
        "The mission cost about {money}.",
        "The planet is about {n} light years from Earth.",
        "The software is used by millions of people.",
        "The last crewed landing took place in {year}.",
    ],
)

D["courts"] = dict(
    roles=[
        ("Judge", "the presiding judge", "judge"),
        (None, "a lawyer for the defendant", "lawyer"),
        (None, "the chief prosecutor", "prosecutor"),
        ("Chief Justice", "the chief justice", "chief justice"),
        (None, "a lawyer for the plaintiffs", "lawyer"),
        (None, "a professor of law at the University of {city}", "professor"),
    ],
    orgs=[
        "the Supreme Court",
        "the High Court in {city}",
        "the Court of Appeal",
        "the constitutional court",
        "the public prosecutor's office",
        "the European Court of Human Rights",
        "the justice ministry",
        "the bar association",
    ],
    titles=[
        "the presiding judge",
        "the chief justice",
        "the attorney general",
        "the chief prosecutor",
        "the trial judge",
    ],
    anon=[
        ("a person familiar with the case", False),
        ("legal experts", True),
        ("a court official", False),
        ("lawyers involved in the case", True),
        ("people close to the defence", True),
        ("legal analysts", True),
        ("a source in the prosecutor's office", False),
        ("court observers", True),
    ],
    content=[
        ("the trial", "is expected to last {n2} weeks"),
        ("the judge", "will rule on the motion next week"),
        ("the firm", "destroyed internal emails after learning of the investigation"),
        ("the defendant", "transferred {money} to offshore accounts"),
        ("the ruling", "could open the door to hundreds of similar claims"),
        ("the jury", "asked to review the video evidence again"),
        ("the appeal", "will be heard in {month}"),
        ("the law", "breaches the constitution"),
        ("the settlement", "is worth about {money}"),
        ("the witness", "will testify by video link"),
        ("the case", "will go to trial in {month}"),
    ],
    quotes=[
        "The law applies to everyone",
        "My client has always maintained her innocence",
        "We will appeal",
        "Justice has finally been done",
        "This is a dark day for press freedom",
        "The evidence speaks for itself",
    ],
    acts=[
        "tampered with a witness",
        "lied under oath",
        "hidden assets from creditors",
        "withheld evidence from the defence",
        "bribed a court official",
        "forged the documents",
    ],
    accnoun=["perjury", "fraud", "witness tampering", "contempt of court"],
    accused=[
        "{company}",
        "the public prosecutor's office",
        "the justice ministry",
        "the defendant's company, {company},",
    ],
    background=[
        "The case has been in the courts since {year}.",
        "The court has {n2} judges.",
        "The trial was adjourned in {month}.",
        "The maximum sentence for the offence is {n2} years.",
        "The supreme court last ruled on the issue in {year}.",
        "Appeals usually take more than a year to be heard.",
        "The jury of seven men and five women retired on {day}.",
    ],
)

D["climate"] = dict(
    roles=[
        ("Environment Minister", "the environment minister", "minister"),
        (None, "a climate scientist at the University of {city}", "scientist"),
        (None, "a glaciologist at the {city} Institute", "scientist"),
        (None, "the head of the national weather service", "forecaster"),
        (None, "the chief executive of Bluepeak Mining", "chief executive"),
        (None, "a campaigner with Green Horizon", "campaigner"),
    ],
    orgs=[
        "the World Meteorological Organization",
        "the International Energy Agency",
        "the national weather service",
        "the UN climate agency",
        "Green Horizon",
        "Bluepeak Mining",
        "Northwind Energy",
        "the environment agency",
        "the Intergovernmental Panel on Climate Change",
        "the {cadj} environment ministry",
    ],
    titles=[
        "the environment minister",
        "the UN climate chief",
        "the head of the weather service",
        "the summit's president",
        "Green Horizon's executive director",
    ],
    anon=[
        ("scientists", True),
        ("climate experts", True),
        ("analysts", True),
        ("farmers in the valley", True),
        ("negotiators", True),
        ("a delegate at the talks", False),
        ("campaigners", True),
        ("residents", True),
        ("researchers", True),
        ("observers at the summit", True),
        ("people familiar with the draft", True),
    ],
    content=[
        ("the reef", "may not recover if water temperatures stay high"),
        ("the government", "will miss its {year} emissions target"),
        ("the river", "has never been this low"),
        ("last year", "was the warmest on record"),
        ("the glacier", "lost {pct} of its volume since {year}"),
        ("solar capacity", "grew faster than ever last year"),
        ("the summit", "will end without a deal on fossil fuels"),
        ("the drought", "will cut the harvest by a third"),
        ("sea ice", "fell to its lowest level for {month}"),
        ("the wildfires", "burned more than {n3},000 hectares"),
        ("the coal plant", "will close by {year}"),
        ("emissions", "rose {pct} last year"),
    ],
    quotes=[
        "This drought is the new normal",
        "We are running out of time",
        "The ice is disappearing before our eyes",
        "Farmers cannot plan any more",
        "This agreement is a step forward, but not enough",
        "We have never seen anything like this",
    ],
    acts=[
        "understated its emissions",
        "exaggerated the benefits of its carbon offsets",
        "lobbied in secret against the climate bill",
        "polluted the river",
        "ignored flood warnings",
        "falsified emissions data",
    ],
    accnoun=["greenwashing", "pollution", "data falsification"],
    accused=[
        "Bluepeak Mining",
        "Northwind Energy",
        "Castellan Chemicals",
        "the {cadj} environment ministry",
        "the water company",
        "the {cadj} government",
        "Orrin Retail",
    ],
    background=[
        "The glacier has lost about a third of its volume since {year}.",
        "Global temperatures are about 1.2 degrees Celsius above pre-industrial levels.",
        "The reef stretches for more than {n3} kilometres.",
        "The region has had below-average rainfall for {n2} years.",
        "The summit is being held in {city}.",
        "Coal still generates about {pct} of the country's electricity.",
        "The river supplies water to about {n2} million people.",
        "The last major flood hit the valley in {year}.",
    ],
)

OTHER_WORDS = {}  # unused placeholder


# ---------------------------------------------------------------------------
# Source builders
# ---------------------------------------------------------------------------
def named_person(dom, form=None):
    """Return dict(text, short, gender, backref) for a named person source."""
    d = D[dom]
    pre, post, back = pick(d["roles"])
    first, last, g = person()
    full = first + " " + last
    form = form or pick(["pre", "post", "pre", "bare-post"])
    if pre and form == "pre":
        text = "%s %s" % (pre, full)
    elif form == "bare-post":
        text = "%s, %s," % (full, fill(post))
    else:
        text = "%s, %s," % (full, fill(post))
    return dict(text=text, short=last, gender=g, backref=back, full=full, kind="person")


def named_org(dom):
    return fill(pick(D[dom]["orgs"]))


def named_title(dom):
    return fill(pick(D[dom]["titles"]))


def named_source(dom):
    """Any named source, as (text, plural, shortref, gender)."""
    r = rng.random()
    if r < 0.45:
        p = named_person(dom)
        return p["text"], False, p
    if r < 0.8:
        o = named_org(dom)
        return o, False, dict(text=o, short=o, gender="n", backref=None, kind="org")
    t = named_title(dom)
    return t, False, dict(text=t, short=t, gender=pick("fm"), backref=None, kind="title")


def anon_source(dom):
    pool = D[dom]["anon"] + [
        ("officials", True),
        ("sources", True),
        ("a source familiar with the matter", False),
        ("people familiar with the matter", True),
        ("experts", True),
        ("analysts", True),
    ]
    return pick(pool)


def content(dom):
    s, p = pick(D[dom]["content"])
    return fill(s), fill(p)


def clause(dom):
    s, p = content(dom)
    return s + " " + p


def agree(verb_sg, verb_pl, plural):
    return verb_pl if plural else verb_sg


def say_verb(plural, tense=None):
    tense = tense or pick(["past"] * 6 + ["present", "perfect", "told", "day"])
    if tense == "past":
        return pick(["said", "said", "told reporters", "noted", "added"])
    if tense == "present":
        return agree("says", "say", plural)
    if tense == "perfect":
        return agree("has said", "have said", plural)
    if tense == "told":
        return "told %s" % pick(OUTLETS)
    return "said on %s" % pick(DAYS)


def strip_end_comma(s):
    # appositive commas are kept; tidy() removes a comma left directly before a full stop
    return s


PREDICTIVE = (
    "will ",
    "could ",
    "likely",
    "may ",
    "would ",
    "need",
    "expected",
    "considering",
    "intends",
    "plans ",
    "preparing",
    "willing",
    "weighing",
    "is close to",
    "is in talks",
    "is raising",
    "has no plans",
    "is drafting",
    "is heading",
)


def content_kind(dom, predictive):
    pool = [c for c in D[dom]["content"] if any(w in c[1] for w in PREDICTIVE) == predictive]
    s, p = pick(pool)
    return fill(s), fill(p)


def conj(t, plural):
    """Turn singular verb forms into plural ones for a plural subject."""
    if not plural:
        return t
    for a, b in (
        (" has ", " have "),
        (" denies ", " deny "),
        (" rejects ", " reject "),
        (" dismisses ", " dismiss "),
        (" disputes ", " dispute "),
        (" maintains ", " maintain "),
        (" was ", " were "),
        (" denies.", " deny."),
        (" says ", " say "),
    ):
        t = t.replace(a, b)
    return t


POSS = {"it": "its", "he": "his", "she": "her", "they": "their"}


def act_for(act, who):
    poss = POSS.get(who, "their" if who.endswith("s") else "its")
    return act.replace(" its ", " %s " % poss)


def accused_org(dom):
    return fill(pick(D[dom].get("accused", D[dom]["orgs"])))


def ctx(dom, p_empty=0.3, exclude=None):
    if rng.random() < p_empty:
        return ""
    k = 1 if rng.random() < 0.6 else 2
    bg = rng.sample([b for b in D[dom]["background"] if b != exclude], k)
    return " ".join(fill(b) for b in bg)


# ---------------------------------------------------------------------------
# NAMED-SOURCE generators  (each returns (context, text) or None)
# ---------------------------------------------------------------------------
def g_named_start(dom):
    src, pl, _ = named_source(dom)
    v = say_verb(pl)
    that = pick([" that", ""])
    return ctx(dom), tidy("%s %s%s %s." % (cap(src), v, that, clause(dom)))


def g_named_according(dom):
    src, pl, _ = named_source(dom)
    src = strip_end_comma(src)
    if rng.random() < 0.5:
        return ctx(dom), tidy("According to %s, %s." % (src, clause(dom)))
    return ctx(dom), tidy("%s, according to %s." % (cap(clause(dom)), src))


def g_named_end(dom):
    src, pl, info = named_source(dom)
    src = strip_end_comma(src)
    if info["kind"] == "person" and rng.random() < 0.4:
        return ctx(dom), tidy("%s, said %s." % (cap(clause(dom)), src))
    v = pick(
        [
            "said",
            "said",
            "says",
            "told reporters",
            "said in a statement",
            "said on %s" % pick(DAYS),
            "said in a statement on %s" % pick(DAYS),
            "wrote on social media",
            "said in a report",
        ]
    )
    return ctx(dom), tidy("%s, %s %s." % (cap(clause(dom)), src, v))


def g_named_middle(dom):
    s, p = content(dom)
    if rng.random() < 0.5:
        nm = named_person(dom, form="pre")
        src = nm["text"] if "," not in nm["text"] else nm["full"]
    else:
        src = named_org(dom)
    v = pick(["said", "said", "says", "told reporters", "added"])
    return ctx(dom), tidy("%s, %s %s, %s." % (cap(s), src, v, p))


def g_named_quote(dom):
    q = pick(D[dom]["quotes"])
    src, pl, info = named_source(dom)
    src = strip_end_comma(src)
    style = pick(["curly", "straight"])
    r = rng.random()
    if r < 0.5:
        v = pick(
            ["said", "told reporters", "said in a statement", "wrote on social media", "added"]
        )
        if info["kind"] == "org":
            v = pick(
                ["said in a statement", "wrote on social media", "said in a post on its website"]
            )
        return ctx(dom), tidy("%s %s %s." % (quote(q + ",", style), src, v))
    if r < 0.75 and info["kind"] == "person":
        return ctx(dom), tidy("%s said %s." % (quote(q + ",", style), src))
    return ctx(dom), tidy("%s said: %s" % (cap(src), quote(q + ".", style)))


def g_named_outlet(dom):
    o = pick(OUTLETS)
    v = pick(["reported", "reported on %s" % pick(DAYS), "has reported", "reports"])
    if rng.random() < 0.6:
        return ctx(dom), tidy("%s %s that %s." % (cap(o), v, clause(dom)))
    return ctx(dom), tidy("%s, %s %s." % (cap(clause(dom)), o, v))


def g_named_chain(dom):
    p = named_person(dom, form="pre")
    src = p["text"] if "," not in p["text"] else p["full"]
    o = pick(OUTLETS)
    r = rng.random()
    if r < 0.4:
        return ctx(dom), tidy("%s said %s, according to %s." % (src, clause(dom), o))
    if r < 0.7:
        return ctx(dom), tidy(
            "%s reported, citing a statement from %s, that %s."
            % (cap(o), named_org(dom), clause(dom))
        )
    return ctx(dom), tidy("%s told %s that %s." % (src, o, clause(dom)))


def g_named_document(dom):
    legal = [
        "court filings",
        "the indictment",
        "the charge sheet",
        "court documents",
        "the judgment",
        "a police report",
    ]
    doc = pick(
        (legal if dom in ("courts", "crime") else [])
        + [
            "a statement from %s" % named_org(dom),
            "a report by %s" % named_org(dom),
            "the minutes of the meeting, published by %s" % named_org(dom),
            "figures from %s" % named_org(dom),
            "the company's annual report",
            "a letter from %s seen by %s" % (named_title(dom), pick(OUTLETS)),
            "data published by %s" % named_org(dom),
            "the official gazette",
            "a transcript released by %s" % named_org(dom),
        ]
    )
    if rng.random() < 0.6:
        return ctx(dom), tidy("According to %s, %s." % (doc, clause(dom)))
    return ctx(dom), tidy("%s, according to %s." % (cap(clause(dom)), doc))


def g_named_country(dom):
    c = pick(COUNTRIES)
    subj = pick([c[0], c[2], "the %s government" % c[1]])
    v = pick(["says", "claims", "has said", "said", "insists", "announced"])
    return ctx(dom), tidy(
        "%s %s %s." % (cap(subj), v, "that " + clause(dom) if rng.random() < 0.5 else clause(dom))
    )


# --- hard negatives labelled by source: non-answers and unrelated disputes ---
NONANSWER_TOPICS = [
    "the report",
    "the allegations",
    "the claims",
    "the talks",
    "the matter",
    "the deal",
    "the investigation",
    "the incident",
    "the reported approach",
    "the timing of the announcement",
    "individual cases",
    "the negotiations",
    "ongoing legal proceedings",
    "speculation",
]


def nonanswer(src, pl, g, sub):
    topic = pick(NONANSWER_TOPICS)
    pr = pron(g)[0] if not pl else "they"
    if sub == "declined":
        return pick(
            [
                "%s declined to comment." % cap(src),
                "%s declined to comment on %s." % (cap(src), topic),
                "%s %s to comment on %s on %s."
                % (cap(src), pick(["declined", "refused"]), topic, pick(DAYS)),
                "Asked about %s, %s declined to comment." % (topic, src),
                "%s would not comment on %s." % (cap(src), topic),
            ]
        )
    if sub == "noinfo":
        return pick(
            [
                "%s said %s had no specific information to share." % (cap(src), pr),
                "%s said %s had no further information to share on %s." % (cap(src), pr, topic),
                "%s said %s had no details yet." % (cap(src), pr),
                "%s said %s was not aware of %s." % (cap(src), pr if not pl else "they", topic),
                "%s said %s was looking into %s." % (cap(src), pr, topic),
            ]
        ).replace("they was", "they were")
    if sub == "confirm":
        return pick(
            [
                "%s could not confirm %s." % (cap(src), topic),
                "%s said %s could not confirm %s." % (cap(src), pr, topic),
                "%s could not immediately confirm %s." % (cap(src), topic),
                "%s would neither confirm nor deny %s." % (cap(src), topic),
            ]
        )
    # noresponse
    return pick(
        [
            "%s did not respond to a request for comment." % cap(src),
            "%s did not immediately respond to requests for comment." % cap(src),
            "%s did not respond to questions about %s." % (cap(src), topic),
            "%s could not be reached for comment on %s." % (cap(src), pick(DAYS)),
            "%s did not return calls seeking comment." % cap(src),
            "%s has not responded to %s's request for comment." % (cap(src), pick(OUTLETS)),
        ]
    )


def g_nonanswer_named(sub):
    def f(dom):
        src, pl, info = named_source(dom)
        src = strip_end_comma(src)
        g = (
            info["gender"]
            if info["kind"] == "person"
            else ("n" if info["kind"] == "org" else info["gender"])
        )
        if info["kind"] == "org" and rng.random() < 0.0:
            g = "n"
        return ctx(dom, 0.4), tidy(nonanswer(src, pl, g, sub))

    return f


ANON_NONANSWER = [
    ("officials", True),
    ("officials at the ministry", True),
    ("people close to the club", True),
    ("a source close to the minister", False),
    ("people familiar with the matter", True),
    ("diplomats", True),
    ("government sources", True),
    ("a senior official", False),
    ("security officials", True),
    ("military officials", True),
    ("health officials in the province", True),
    ("people close to the company", True),
    ("aides", True),
    ("a person close to the family", False),
    ("local officials", True),
    ("police sources", True),
    ("industry sources", True),
]


def g_nonanswer_anon(sub):
    def f(dom):
        src, pl = pick(ANON_NONANSWER + D[dom]["anon"][:4])
        g = "p" if pl else pick("fm")
        return ctx(dom, 0.4), tidy(conj(nonanswer(src, pl, g, sub), pl))

    return f


DISMISS_AS = [
    "ineffective",
    "out of touch",
    "a lightweight",
    "naive",
    "irrelevant",
    "a career politician",
    "too inexperienced for the job",
    "a distraction",
    "a spent force",
    "a publicity seeker",
]


def g_dismiss_unrelated(dom):
    p1 = named_person(dom, form="pre")
    s1 = p1["text"] if "," not in p1["text"] else p1["full"]
    f2, l2, g2 = person()
    r = rng.random()
    if r < 0.35:
        a = pick(DISMISS_AS)
        a = quote(a) if rng.random() < 0.4 else a
        return ctx(dom), tidy(
            "%s dismissed %s %s as %s%s"
            % (s1, f2, l2, a, pick([".", " on %s." % pick(DAYS), " in a television interview."]))
        )
    if r < 0.55:
        thing = pick(
            [
                "the opposition's budget plan",
                "calls to resign",
                "the union's pay demand",
                "a proposal to merge the two agencies",
                "the offer",
                "calls for an early election",
                "the idea of a salary cap",
                "demands for a public inquiry",
            ]
        )
        why = pick(
            [
                "saying it was unaffordable",
                "saying the timing was wrong",
                "arguing it would cost jobs",
                "saying there was no money for it",
                "saying %s would stay to finish the job" % pron(p1["gender"])[0],
            ]
        )
        return ctx(dom), tidy("%s rejected %s, %s." % (s1, thing, why))
    if r < 0.75:
        src = named_org(dom)
        return ctx(dom), tidy(
            "%s said on %s it had dismissed %s %s %s."
            % (
                cap(src),
                pick(DAYS),
                pick(
                    [
                        "its chief executive,",
                        "its coach,",
                        "the head of its finance department,",
                        "its director,",
                        "the official,",
                    ]
                ),
                f2 + " " + l2,
                pick(
                    [
                        "after an internal review",
                        "with immediate effect",
                        "following a string of poor results",
                        "over a breach of conduct rules",
                    ]
                ),
            )
        )
    if r < 0.9:
        return ctx(dom), tidy(
            "%s brushed aside questions about %s, telling reporters %s."
            % (
                s1,
                pick(
                    [
                        "the polls",
                        "the team's form",
                        "the share price",
                        "his future",
                        "her future",
                        "the weather",
                    ]
                ),
                pick(
                    [
                        "the only poll that mattered was on election day",
                        "there was a long way to go",
                        "%s was focused on the next match" % pron(p1["gender"])[0],
                        "it was too early to judge",
                    ]
                ),
            )
        )
    return ctx(dom), tidy(
        "%s called %s %s %s."
        % (
            s1,
            f2 + " " + l2,
            pick(["a “disaster” as", "unfit to serve as", "the wrong choice for"]),
            pick(["finance minister", "coach", "party leader", "chair of the committee"]),
        )
    )


# --- pronoun / short reference back to a named source in the context ---
def named_intro(dom, p):
    src = p["text"]
    return pick(
        [
            "%s spoke to reporters in %s on %s." % (src, pick(CITIES), pick(DAYS)),
            "%s addressed a news conference on %s." % (src, pick(DAYS)),
            "%s said %s." % (src, clause(dom)),
            "%s %s."
            % (
                quote(pick(D[dom]["quotes"]) + ","),
                "said " + src if rng.random() < 0.5 else src + " said",
            ),
            "%s was asked about the issue during a visit to %s." % (src, pick(CITIES)),
            "In an interview with %s, %s was asked about %s plans."
            % (pick(OUTLETS), src, pron(p["gender"])[1]),
        ]
    )


def g_pronoun_named(dom):
    p = named_person(dom)
    intro = named_intro(dom, p)
    he = pron(p["gender"])[0]
    r = rng.random()
    if r < 0.35:
        text = "%s %s %s." % (
            cap(he),
            pick(["said", "added that", "also said", "told reporters", "said that", "later said"]),
            clause(dom),
        )
    elif r < 0.55:
        text = "%s %s %s." % (
            p["short"],
            pick(["said", "added that", "also said", "went on to say that", "noted that"]),
            clause(dom),
        )
    elif r < 0.75:
        text = "%s %s %s." % (
            quote(pick(D[dom]["quotes"]) + ","),
            he,
            pick(["said", "added", "told reporters", "said later"]),
        )
    else:
        text = "The %s %s %s." % (
            p["backref"],
            pick(["said", "added that", "also said"]),
            clause(dom),
        )
    context = intro if rng.random() < 0.7 else fill(pick(D[dom]["background"])) + " " + intro
    return tidy(context), tidy(text)


def g_quote_cont_named(dom):
    p = named_person(dom)
    src = p["text"]
    qs = rng.sample(D[dom]["quotes"], 2)
    style = pick(["curly", "straight"])
    intro = "%s %s." % (
        quote(qs[0] + ",", style),
        pick(["said " + src, src + " said", src + " told reporters"]),
    )
    more = [q for q in D[dom]["quotes"] if q not in qs]
    text = quote(qs[1] + "." + (" " + pick(more) + "." if rng.random() < 0.5 else ""), style)
    return tidy(intro), tidy(text)


# ---------------------------------------------------------------------------
# ANONYMOUS-SOURCE generators
# ---------------------------------------------------------------------------
def g_anon_start(dom):
    src, pl = anon_source(dom)
    v = say_verb(pl)
    return ctx(dom), tidy("%s %s%s %s." % (cap(src), v, pick([" that", ""]), clause(dom)))


def g_anon_end(dom):
    src, pl = anon_source(dom)
    v = pick(
        [
            "said",
            "said",
            "say" if pl else "says",
            "told reporters",
            "said on %s" % pick(DAYS),
            "have said" if pl else "has said",
            "told %s" % pick(OUTLETS),
        ]
    )
    return ctx(dom), tidy("%s, %s %s." % (cap(clause(dom)), src, v))


def g_anon_middle(dom):
    s, p = content(dom)
    src, pl = anon_source(dom)
    return ctx(dom), tidy(
        "%s, %s %s, %s." % (cap(s), src, pick(["said", "said", "say" if pl else "says"]), p)
    )


def g_anon_according(dom):
    src = pick(
        [
            "reports",
            "media reports",
            "local media",
            "people familiar with the matter",
            "a person briefed on the talks",
            "sources",
            "unconfirmed reports",
            "several people with knowledge of the plans",
            "one estimate",
            "two officials",
            "sources quoted by local media",
            "reports on social media",
            "diplomatic sources",
            anon_source(dom)[0],
        ]
    )
    if rng.random() < 0.5:
        return ctx(dom), tidy("According to %s, %s." % (src, clause(dom)))
    return ctx(dom), tidy("%s, according to %s." % (cap(clause(dom)), src))


def g_anon_condition(dom):
    single = [a for a, pl in D[dom]["anon"] if not pl] + [
        "a senior official",
        "an official",
        "a diplomat",
        "one source",
    ]
    src = pick(single)
    why = pick(
        [
            "speaking on condition of anonymity",
            "speaking on the condition of anonymity",
            "who asked not to be named",
            "who requested anonymity",
            "who spoke on condition of anonymity because they were not authorised to discuss the matter publicly",
            "who declined to be identified",
        ]
    )
    r = rng.random()
    if r < 0.5:
        return ctx(dom), tidy("%s, %s, said %s." % (cap(src), why, clause(dom)))
    if r < 0.8:
        return ctx(dom), tidy("%s, said %s, %s." % (cap(clause(dom)), src, why))
    return ctx(dom), tidy(
        "%s, %s %s said."
        % (cap(clause(dom)), src, why.replace("speaking", "speaking").replace("who ", "who "))
    )


def g_anon_reportedly(dom):
    s, p = content(dom)
    r = rng.random()
    if r < 0.55:
        w = p.split(" ", 1)
        if w[0] in ("will", "is", "has", "have", "was", "were", "could", "are") and len(w) > 1:
            return ctx(dom), tidy("%s %s reportedly %s." % (cap(s), w[0], w[1]))
        return ctx(dom), tidy("%s reportedly %s." % (cap(s), p))
    if r < 0.7:
        return ctx(dom), tidy("Reportedly, %s %s." % (s, p))
    if r < 0.85:
        return ctx(dom), tidy("It has been reported that %s." % (s + " " + p))
    return ctx(dom), tidy(
        "%s is said to be %s."
        % (
            cap(s),
            pick(
                [
                    "close to a decision",
                    "furious about the leak",
                    "considering its options",
                    "under pressure to act",
                    "preparing a response",
                ]
            ),
        )
    )


def g_anon_understood(dom):
    r = rng.random()
    c = clause(dom)
    if r < 0.4:
        return ctx(dom), tidy("It is understood that %s." % c)
    if r < 0.6:
        return ctx(dom), tidy("It is understood %s." % c)
    if r < 0.8:
        return ctx(dom), tidy("%s, it is understood." % cap(c))
    return ctx(dom), tidy("It is believed that %s." % c)


def g_anon_outlet_citing(dom):
    o = pick(OUTLETS)
    who = pick(
        [
            "unnamed sources",
            "unnamed officials",
            "people familiar with the matter",
            "anonymous sources",
            "two people with knowledge of the plans",
            "a source close to the negotiations",
            "unnamed sources with access to the documents",
            "sources in the government",
            "an unnamed official",
        ]
    )
    r = rng.random()
    if r < 0.4:
        return ctx(dom), tidy("%s reported, citing %s, that %s." % (cap(o), who, clause(dom)))
    if r < 0.7:
        return ctx(dom), tidy("%s, %s reported, citing %s." % (cap(clause(dom)), o, who))
    return ctx(dom), tidy(
        "%s, citing %s, reported on %s that %s." % (cap(o), who, pick(DAYS), clause(dom))
    )


def g_anon_told_outlet(dom):
    o = pick(OUTLETS)
    src, pl = anon_source(dom)
    if rng.random() < 0.6:
        return ctx(dom), tidy("%s told %s that %s." % (cap(src), o, clause(dom)))
    return ctx(dom), tidy("%s, %s told %s." % (cap(clause(dom)), src, o))


def g_anon_experts(dom):
    src = pick(
        [
            "experts",
            "analysts",
            "critics",
            "observers",
            "many experts",
            "some analysts",
            "critics of the plan",
            "independent experts",
            "commentators",
        ]
        + [a for a, pl in D[dom]["anon"] if pl]
    )
    v = pick(
        [
            "say",
            "believe",
            "argue",
            "warn",
            "expect that",
            "have long said",
            "have warned",
            "fear",
            "think",
        ]
    )
    c = " ".join(content_kind(dom, True))
    if rng.random() < 0.6:
        return ctx(dom), tidy("%s %s %s." % (cap(src), v, c))
    return ctx(dom), tidy(
        "%s, %s %s." % (cap(c), src, pick(["say", "believe", "argue", "have said", "warn"]))
    )


def g_anon_media(dom):
    src = pick(
        [
            "local media",
            "media reports",
            "Telegram channels",
            "social media posts",
            "news reports",
            "reports in the local press",
            "several news outlets",
            "pro-government bloggers",
            "state-aligned channels",
        ]
    )
    v = pick(["reported", "said", "have reported", "suggested", "claimed"])
    if src.startswith(("media reports", "news reports", "reports")) and v in (
        "said",
        "reported",
        "have reported",
    ):
        v = "suggested"
    if rng.random() < 0.6:
        return ctx(dom), tidy("%s %s that %s." % (cap(src), v, clause(dom)))
    return ctx(dom), tidy("%s, %s %s." % (cap(clause(dom)), src, v))


def g_anon_quote(dom):
    q = pick(D[dom]["quotes"])
    sg = [a for a, pl in D[dom]["anon"] if not pl]
    if rng.random() < 0.5 and sg:
        return ctx(dom), tidy(
            "%s %s." % (quote(q + ","), pick(["%s said" % pick(sg), "said %s" % pick(sg)]))
        )
    src = pick(
        [
            "one official said",
            "a source said",
            "said one resident",
            "a witness told reporters",
            "said a diplomat who asked not to be named",
            "one person familiar with the matter said",
            "an aide said",
            "a senior figure in the party said",
            "said a person close to the club",
            "one worker said",
            "a doctor at the hospital said",
            "said one insider",
        ]
    )
    return ctx(dom), tidy("%s %s." % (quote(q + ","), src))


ANON_INTRO_SG = [
    ("a senior official", "the official"),
    ("a source close to the negotiations", "the source"),
    ("a diplomat", "the diplomat"),
    ("one witness", "the witness"),
    ("a police officer", "the officer"),
    ("a person familiar with the matter", "the person"),
    ("a senior doctor", "the doctor"),
    ("one resident", "the resident"),
    ("an aide", "the aide"),
    ("a company insider", "the insider"),
    ("a security source", "the source"),
    ("a military official", "the official"),
]
ANON_INTRO_PL = [
    ("two people familiar with the matter", "the people"),
    ("officials", "the officials"),
    ("residents", "residents"),
    ("witnesses", "the witnesses"),
    ("sources close to the club", "the sources"),
    ("diplomats", "the diplomats"),
]


def g_pronoun_anon(dom):
    if rng.random() < 0.65:
        intro, back = pick(ANON_INTRO_SG)
        why = pick(
            [
                ", speaking on condition of anonymity,",
                ", who asked not to be named,",
                "",
                ", who requested anonymity,",
            ]
        )
        he = pick(["he", "she", "the " + back.split()[-1]])
        pl = False
    else:
        intro, back = pick(ANON_INTRO_PL)
        why = ""
        he = "they"
        pl = True
    c1 = "%s%s %s %s." % (cap(intro), why, pick(["said", "told reporters"]), clause(dom))
    if rng.random() < 0.3:
        c1 = "%s %s." % (
            quote(pick(D[dom]["quotes"]) + ","),
            "%s%s said" % (intro, why) if why else intro + " said",
        )
    r = rng.random()
    if r < 0.45:
        text = "%s %s %s." % (
            cap(back),
            pick(["said", "added that", "also said", "said that"]),
            clause(dom),
        )
    elif r < 0.75:
        text = "%s %s %s." % (cap(he), pick(["said", "added that", "also said"]), clause(dom))
    else:
        text = "%s %s %s." % (
            quote(pick(D[dom]["quotes"]) + ","),
            he if rng.random() < 0.5 else back,
            pick(["said", "added"]),
        )
    return tidy(c1), tidy(text)


def g_quote_cont_anon(dom):
    qs = rng.sample(D[dom]["quotes"], 2)
    style = pick(["curly", "straight"])
    who = pick(
        [
            "one official said",
            "said a resident who did not want to be named",
            "a witness said",
            "said one source",
            "a diplomat told reporters",
            "one nurse said",
            "a player told reporters on condition of anonymity",
            "an aide said",
            "said a person close to the talks",
        ]
    )
    intro = "%s %s." % (quote(qs[0] + ",", style), who)
    more = [q for q in D[dom]["quotes"] if q not in qs]
    return tidy(intro), tidy(
        quote(qs[1] + "." + (" " + pick(more) + "." if rng.random() < 0.5 else ""), style)
    )


# ---------------------------------------------------------------------------
# OFFICIAL-DENIAL generators
# ---------------------------------------------------------------------------
ANON_DENIERS = [
    ("a company spokesperson", "the company", False),
    ("a spokesperson for the club", "the club", False),
    ("officials in {capital}", "the government", True),
    ("a source close to the minister", "the minister", False),
    ("people close to the player", "he", True),
    ("a government source", "the government", False),
    ("military officials", "their forces", True),
    ("a senior official", "the ministry", False),
    ("a police spokesman", "officers", False),
    ("hospital officials", "the hospital", True),
    ("aides to the president", "the president", True),
    ("a person close to the family", "the family", False),
    ("a spokesperson for the council", "the council", False),
    ("a company representative", "the firm", False),
    ("sources close to the company", "the company", True),
    ("a ministry official", "the ministry", False),
    ("people close to the chief executive", "she", True),
    ("officials", "the authorities", True),
    ("a source in the team", "the team", False),
    ("party officials", "the party", True),
]


def denier(dom):
    """Return (text, who-pronoun-or-ref, plural, person-dict-or-None)."""
    r = rng.random()
    if r < 0.33:
        p = named_person(dom)
        return p["text"], pron(p["gender"])[0], False, p
    if r < 0.66:
        o = accused_org(dom)
        return o, "it", False, None
    if r < 0.8:
        t = named_title(dom)
        g = pick("fm")
        return t, pron(g)[0], False, None
    t, who, pl = pick(ANON_DENIERS)
    return fill(t), who, pl, None


def np_alleg(dom, who):
    r = rng.random()
    act = act_for(pick(D[dom]["acts"]), who)
    if r < 0.25:
        return pick(
            [
                "the allegations",
                "the accusations",
                "the claims",
                "the report",
                "the reports",
                "the allegation",
                "these claims",
                "the accusation",
                "the story",
                "the charges",
            ]
        )
    if r < 0.55:
        return "%s that %s had %s" % (
            pick(["allegations", "claims", "reports", "accusations", "suggestions", "a report"]),
            who,
            act,
        )
    if r < 0.75:
        return "accusations of %s" % pick(D[dom]["accnoun"])
    return "%s claim that %s had %s" % (
        pick(["a", "a newspaper's", "the opposition's", "a rival's", "a watchdog's"]),
        who,
        act,
    )


DISMISS_QUAL = [
    "“fake news”",
    '"fake news"',
    "a hoax",
    "“nonsense”",
    '"nonsense"',
    "baseless",
    "“pure fiction”",
    "politically motivated",
    "“a smear campaign”",
    "absurd",
    "“a fabrication”",
    "unfounded",
    "speculation",
    "“lies”",
    '"ridiculous"',
    '"a provocation"',
    "groundless",
    "propaganda",
    '"slanderous"',
    "“totally false”",
    '"fantasy"',
]
CALL_QUAL = [
    "false",
    "“completely false”",
    "untrue",
    '"a lie"',
    "“fabricated”",
    "baseless",
    '"defamatory"',
    "without foundation",
    '"outrageous"',
    '"a fairy tale"',
    "“absolutely untrue”",
    "inaccurate",
]
DENIAL_QUOTES = [
    "These allegations are completely false",
    "There is no truth to these claims",
    "We reject these accusations in the strongest possible terms",
    "This story is simply not true",
    "None of this happened",
    "We categorically deny these allegations",
    "This is a fabrication",
    "The report is false from beginning to end",
    "There was no wrongdoing of any kind",
    "These claims have no basis in fact",
    "It is a lie, pure and simple",
    "We did nothing wrong",
    "The accusations are absurd and we reject them",
    "I have never done anything of the kind",
    "This is fake news",
    "There is not a shred of evidence for this",
    "We have never broken the law and we never will",
    "The allegations are baseless",
    "Nothing in this report is accurate",
    "These are lies spread by our opponents",
    "We firmly reject every one of these claims",
    "This never happened, full stop",
    "The story is a complete invention",
    "We deny any involvement whatsoever",
    "I deny these allegations absolutely",
    "Any suggestion of wrongdoing is false",
    "The claims are politically motivated and untrue",
    "We have nothing to hide and we did nothing wrong",
]


def g_denial(sub):
    def f(dom):
        src, who, plural, p = denier(dom)
        src = strip_end_comma(src)
        S = cap(src)
        act = act_for(pick(D[dom]["acts"]), who)
        day = pick(["", "", " on %s" % pick(DAYS), " in a statement", " on %s" % pick(DAYS)])
        self_who = who
        if sub == "denied":
            v = pick(
                [
                    "denied",
                    "has denied",
                    "denies",
                    "has repeatedly denied",
                    "flatly denied",
                    "has consistently denied",
                    "again denied",
                    "strongly denied",
                ]
            )
            t = "%s%s %s %s." % (S, day if v == "denied" else "", v, np_alleg(dom, self_who))
        elif sub == "denied-that":
            v = pick(
                ["denied", "has denied", "denies", "denied on %s" % pick(DAYS), "has always denied"]
            )
            t = "%s %s that %s had %s." % (S, v, self_who, act)
        elif sub == "rejected":
            v = pick(["rejected", "has rejected", "rejects", "firmly rejected", "swiftly rejected"])
            t = "%s %s %s as %s." % (S, v, np_alleg(dom, self_who), pick(DISMISS_QUAL))
        elif sub == "dismiss":
            v = pick(["dismissed", "has dismissed", "dismisses", "quickly dismissed"])
            t = "%s%s %s %s as %s." % (
                S,
                day if v == "dismissed" else "",
                v,
                np_alleg(dom, self_who),
                pick(DISMISS_QUAL),
            )
        elif sub == "refute":
            t = pick(
                [
                    "%s refuted %s." % (S, np_alleg(dom, self_who)),
                    "%s moved to refute %s%s." % (S, np_alleg(dom, self_who), day),
                    "%s has refuted %s, saying %s had acted lawfully."
                    % (S, np_alleg(dom, self_who), self_who),
                ]
            )
        elif sub == "called-false":
            t = "%s called %s %s." % (S, np_alleg(dom, self_who), pick(CALL_QUAL))
        elif sub == "said-untrue":
            n = pick(
                [
                    "the report was",
                    "the claims were",
                    "the allegations were",
                    "reports that %s had %s were" % (self_who, act),
                    "the story was",
                    "the accusation was",
                ]
            )
            t = "%s said %s %s." % (
                S,
                n,
                pick(
                    [
                        "untrue",
                        "false",
                        "“untrue”",
                        "without foundation",
                        '"simply wrong"',
                        "not true",
                        "entirely false",
                        "inaccurate and misleading",
                    ]
                ),
            )
        elif sub == "disputes":
            t = pick(
                [
                    "%s strongly disputes %s." % (S, np_alleg(dom, self_who)),
                    "%s disputed %s%s." % (S, np_alleg(dom, self_who), day),
                    "%s said it strongly disputes the findings." % S
                    if who == "it"
                    else "%s said %s strongly disputed the findings." % (S, who),
                ]
            )
        elif sub == "no-truth":
            q = pick(
                [
                    "There is no truth to %s"
                    % pick(["these claims", "the report", "the allegations", "this story"]),
                    "There is no truth whatsoever in these allegations",
                    "There is absolutely no truth to the claims",
                ]
            )
            r = rng.random()
            if r < 0.5:
                t = "%s %s." % (quote(q + ","), pick(["%s said" % src, "said %s" % src]))
            else:
                t = "%s said there was no truth to %s." % (S, np_alleg(dom, self_who))
        elif sub == "categorical":
            t = pick(
                [
                    "%s categorically denied %s." % (S, np_alleg(dom, self_who)),
                    "%s categorically rejected %s." % (S, np_alleg(dom, self_who)),
                    "%s %s denied that %s had %s."
                    % (S, pick(["categorically", "emphatically", "flatly"]), self_who, act),
                ]
            )
        elif sub == "pushed-back":
            t = pick(
                [
                    "%s pushed back on claims that %s had %s." % (S, self_who, act),
                    "%s pushed back against %s%s." % (S, np_alleg(dom, self_who), day),
                    "%s hit back at %s, calling %s %s."
                    % (S, np_alleg(dom, self_who), pick(["them", "it"]), pick(CALL_QUAL)),
                ]
            )
        elif sub == "wrongdoing":
            t = pick(
                [
                    "%s has denied any wrongdoing." % S,
                    "%s denies wrongdoing." % S,
                    "%s has denied wrongdoing and said %s would cooperate with investigators."
                    % (S, who),
                    "%s insisted %s had done nothing wrong." % (S, who),
                    "%s maintains %s did nothing wrong." % (S, who),
                ]
                + (["%s has pleaded not guilty and denies the charges." % S] if p else [])
            )
        elif sub == "quote":
            q = pick(DENIAL_QUOTES)
            r = rng.random()
            if r < 0.6:
                t = "%s %s." % (
                    quote(q + ","),
                    pick(
                        [
                            "%s said" % src,
                            "said %s" % src,
                            "%s said in a statement" % src,
                            "%s told reporters" % src,
                        ]
                    ),
                )
            else:
                t = "%s said: %s" % (S, quote(q + "."))
        elif sub == "chain":
            base = pick(
                [
                    "%s denied %s" % (S, np_alleg(dom, self_who)),
                    "%s rejected %s as %s" % (S, np_alleg(dom, self_who), pick(DISMISS_QUAL)),
                ]
            )
            t = "%s, %s." % (
                base,
                pick(
                    [
                        "according to %s" % pick(OUTLETS),
                        "%s reported" % pick(OUTLETS),
                        "according to a statement carried by %s" % pick(OUTLETS),
                    ]
                ),
            )
        elif sub == "statement":
            t = "In a statement, %s said %s were %s and that %s had %s." % (
                src,
                pick(["the allegations", "the claims", "the reports"]),
                pick(CALL_QUAL),
                who,
                pick(
                    [
                        "acted lawfully at all times",
                        "followed every rule",
                        "done nothing improper",
                        "complied with all regulations",
                    ]
                ),
            )
        elif sub == "both":
            d1 = denier(dom)
            o1 = d1[3]["full"] if d1[3] else d1[0].rstrip(",")
            s0 = p["full"] if p else src.rstrip(",")
            t = "Both %s and %s have %s %s." % (
                s0,
                o1,
                pick(["denied", "rejected", "dismissed"]),
                pick(
                    [
                        "the allegations",
                        "the claims",
                        "the reports",
                        "any wrongdoing",
                        "the accusations",
                    ]
                ),
            )
        else:
            raise ValueError(sub)
        if sub != "both":
            t = conj(t, plural)
        return ctx(dom), tidy(t)

    return f


def g_denial_pronoun(dom):
    p = named_person(dom) if rng.random() < 0.55 else None
    if p:
        act = act_for(pick(D[dom]["acts"]), pron(p["gender"])[0])
        nm = p["text"] if "," not in p["text"] else p["full"]
        who_ctx = nm
        pr = pron(p["gender"])[0]
        short = p["short"]
    else:
        who_ctx = accused_org(dom).rstrip(",")
        pr = "it"
        short = cap(who_ctx)
        act = pick(D[dom]["acts"])
    accuser = pick(
        [
            "%s reported" % cap(pick(OUTLETS)),
            "A watchdog alleged",
            "Opposition lawmakers have accused %s" % who_ctx,
            "Campaigners claim",
            "A former employee alleged",
            "Prosecutors say",
            "A report published on %s alleged" % pick(DAYS),
        ]
    )
    if accuser.startswith("Opposition"):
        c = "%s of having %s." % (accuser, act)
    else:
        c = "%s that %s had %s." % (accuser, who_ctx, act)
    text = pick(
        [
            "%s denied the %s."
            % (cap(pr), pick(["claims", "report", "allegations", "accusation"])),
            "%s has denied this." % cap(pr),
            "%s %s the %s as %s."
            % (
                short,
                pick(["dismissed", "rejected"]),
                pick(["claims", "report", "allegations"]),
                pick(DISMISS_QUAL),
            ),
            "%s denies it." % short,
            "%s called the allegations %s." % (cap(pr), pick(CALL_QUAL)),
            "%s said the report was untrue." % cap(pr),
            "%s %s." % (quote(pick(DENIAL_QUOTES) + ","), pr + " said"),
            "%s has rejected the accusation." % short,
        ]
    )
    return tidy(c), tidy(text)


def g_denial_quote_cont(dom):
    src, who, plural, p = denier(dom)
    src = strip_end_comma(src)
    qs = rng.sample(DENIAL_QUOTES, 2)
    style = pick(["curly", "straight"])
    c = "%s %s." % (quote(qs[0] + ",", style), pick(["%s said" % src, "said %s" % src]))
    more = [q for q in DENIAL_QUOTES if q not in qs]
    return tidy(c), tidy(
        quote(qs[1] + "." + (" " + pick(more) + "." if rng.random() < 0.4 else ""), style)
    )


def g_denial_after_report(dom):
    """Context: an anonymous or named report; text: the denial of it."""
    c_dom = dom
    o = pick(OUTLETS)
    src_org = accused_org(dom).rstrip(",")
    c = pick(
        [
            "%s reported, citing unnamed sources, that %s." % (cap(o), clause(c_dom)),
            "%s reported on %s that %s had %s."
            % (cap(o), pick(DAYS), src_org, pick(D[dom]["acts"])),
            "Media reports have claimed that %s had %s." % (src_org, pick(D[dom]["acts"])),
        ]
    )
    t = pick(
        [
            "%s dismissed the report as %s." % (cap(src_org), pick(DISMISS_QUAL)),
            "%s denied the report." % cap(src_org),
            "%s later called the report %s." % (cap(src_org), pick(CALL_QUAL)),
            "Officials rejected the report as %s." % pick(DISMISS_QUAL),
            "%s said the report was %s."
            % (cap(src_org), pick(["untrue", "false", '"pure speculation"', "“baseless”"])),
        ]
    )
    return tidy(c), tidy(t)


def g_denial_headline(dom):
    src, who, plural, p = denier(dom)
    if p:
        src = p["short"]
    src = cap(strip_end_comma(src).rstrip(",").replace("The ", "").replace("the ", ""))
    noun = pick(D[dom]["accnoun"])
    return "", tidy(
        "%s %s %s %s"
        % (
            src,
            pick(["denies", "rejects", "dismisses", "hits back at"]),
            noun,
            pick(["claims", "allegations", "report", "accusations"]),
        )
    )


# ---------------------------------------------------------------------------
# UNATTRIBUTED generators
# ---------------------------------------------------------------------------
def g_unattr_background(dom):
    b = pick(D[dom]["background"])
    return ctx(dom, exclude=b), tidy(fill(b))


ANALYSIS = [
    "The result leaves {subj} with little room for manoeuvre.",
    "The decision is likely to deepen tensions within {subj}.",
    "It is the biggest setback for {subj} in years.",
    "The stakes are high for {subj}.",
    "{Subj} now faces a difficult choice.",
    "The move marks a sharp change of course for {subj}.",
    "Much now depends on what {subj} does next.",
    "The timing could hardly be worse for {subj}.",
    "For {subj}, the coming weeks will be decisive.",
    "The episode has raised fresh questions about {subj}.",
    "That would be a significant shift for {subj}.",
    "Few expected {subj} to move so quickly.",
]
SUBJ = {
    "politics": [
        "the government",
        "the coalition",
        "the prime minister",
        "the opposition",
        "the ruling party",
    ],
    "business": ["the company", "the bank", "investors", "the airline", "the board"],
    "crime": ["the police", "the investigation", "the city", "the prosecution"],
    "health": ["the health service", "hospitals", "the ministry", "patients"],
    "sport": ["the club", "the manager", "the team", "the federation"],
    "war": ["the army", "the rebels", "civilians in the city", "the peace process"],
    "local": ["the council", "the town", "residents", "local businesses"],
    "science": ["the mission", "the company", "the research team", "the industry"],
    "courts": ["the defence", "the prosecution", "the court", "the defendant"],
    "climate": ["the summit", "farmers", "the coal industry", "the government's climate plans"],
}


def g_unattr_analysis(dom):
    s = pick(SUBJ[dom])
    t = pick(ANALYSIS)
    if s in (
        "investors",
        "hospitals",
        "patients",
        "the rebels",
        "civilians in the city",
        "residents",
        "local businesses",
        "farmers",
        "the police",
    ):
        t = t.replace("now faces", "now face")
    return ctx(dom), tidy(t.replace("{subj}", s).replace("{Subj}", cap(s)))


def g_unattr_event(dom):
    """Writer's own description of an event, subject + predicate in plain past tense."""
    s, p = content_kind(dom, False)
    # only predicates that read as plain facts
    t = "%s %s." % (cap(s), p)
    return ctx(dom), tidy(t)


STAT = [
    "{Thing} rose {pct} in {month}, the biggest increase since {year}.",
    "{Thing} fell by {pct} last year.",
    "{Thing} has doubled since {year}.",
    "{Thing} reached a record high in {month}.",
    "About {n} percent of {thing2} are affected.",
    "The figure compares with {n3} a year earlier.",
    "{Thing} has fallen in {n2} of the past 12 months.",
]
# a trailing * marks a plural subject
THINGS = {
    "politics": [
        "Voter turnout",
        "The number of registered voters",
        "Public debt",
        "Support for the party",
        "Membership of the ruling party",
        "Government borrowing",
        "Applications for citizenship*",
    ],
    "business": [
        "Inflation",
        "Unemployment",
        "House prices*",
        "Exports*",
        "The share price",
        "Retail sales*",
        "Factory output",
        "Consumer confidence",
        "Bankruptcies*",
        "Mortgage approvals*",
        "Fuel prices*",
    ],
    "crime": [
        "Recorded burglaries*",
        "The prison population",
        "Knife crime",
        "Drug seizures*",
        "Car thefts*",
        "Reported fraud",
        "The number of murders",
    ],
    "health": [
        "Hospital admissions*",
        "The number of measles cases",
        "Waiting times*",
        "Vaccination rates*",
        "Spending on mental health",
        "The number of nurses",
        "Obesity among children",
    ],
    "sport": [
        "Attendance at league matches",
        "Ticket prices*",
        "The club's wage bill",
        "Television income",
        "Season ticket sales*",
        "Participation in youth football",
    ],
    "war": [
        "The number of displaced people",
        "Food prices in the city*",
        "Defence spending",
        "Fuel prices*",
        "Grain exports*",
        "The number of refugees crossing the border",
    ],
    "local": [
        "Council tax",
        "Bus ridership",
        "The number of empty shops",
        "Rents in the town centre*",
        "Visitor numbers*",
        "Library loans*",
        "House building",
    ],
    "science": [
        "Smartphone sales*",
        "Spending on research",
        "The number of satellites in orbit",
        "Chip prices*",
        "Venture capital investment",
        "Broadband speeds*",
        "Cyber attacks on hospitals*",
    ],
    "courts": [
        "The backlog of criminal cases",
        "The number of appeals",
        "Legal aid spending",
        "Divorce filings*",
        "The average sentence for burglary",
    ],
    "climate": [
        "Carbon emissions*",
        "Average rainfall",
        "Sea levels*",
        "Wind power output",
        "Coal consumption",
        "Sales of electric cars*",
        "The area burned by wildfires",
        "Glacier volume",
    ],
}
THING2 = [
    "households",
    "companies",
    "schools",
    "patients",
    "adults",
    "small farms",
    "homes in the region",
]


def g_unattr_stat(dom):
    t = pick(STAT)
    th = pick(THINGS[dom])
    plural = th.endswith("*")
    th = th.rstrip("*")
    t = t.replace("{Thing}", th).replace("{thing2}", pick(THING2))
    if plural:
        t = t.replace(" has ", " have ")
    return ctx(dom), tidy(fill(t))


CHRONO = [
    "The {ev} took place on {date}, {year}.",
    "The {ev} began shortly after {hour} a.m. on {day}.",
    "The {ev} was first announced in {month} {year}.",
    "Since {year}, the {ev} has been postponed {n2} times.",
    "The {ev} ended late on {day}.",
    "Two days after the {ev}, the roads were still closed.",
    "The {ev} lasted about {n2} hours.",
    "Preparations for the {ev} began in {year}.",
]
EVENTS = {
    "politics": ["vote", "summit", "rally", "debate", "referendum"],
    "business": ["auction", "strike", "merger", "listing"],
    "crime": ["raid", "robbery", "shooting", "manhunt"],
    "health": ["vaccination campaign", "outbreak", "trial"],
    "sport": ["match", "race", "final", "tournament"],
    "war": ["offensive", "ceasefire", "evacuation", "siege"],
    "local": ["festival", "flood", "fire", "parade"],
    "science": ["launch", "eclipse", "outage", "test flight"],
    "courts": ["trial", "hearing", "inquiry", "sentencing"],
    "climate": ["heatwave", "storm", "drought", "summit"],
}


def g_unattr_chrono(dom):
    t = pick(CHRONO).replace("{ev}", pick(EVENTS[dom]))
    return ctx(dom), tidy(cap(fill(t)))


# reporting words used inside unattributed sentences
TRIGGER_U = {
    "report": [
        "The report was published in {year}.",
        "The {year} report ran to {n3} pages.",
        "School reports will be sent to parents in {month}.",
        "The annual report is due in {month}.",
        "Weather reports for the weekend were updated on {day}.",
        "The report card system was scrapped in {year}.",
        "The inquiry's final report was delayed twice.",
        "Copies of the report are kept in the national archive.",
        "{company} publishes its annual report every {month}.",
        "The committee's report was debated in parliament in {year}.",
    ],
    "claims": [
        "Insurance claims rose {pct} in the second quarter.",
        "Unemployment claims fell to {n3},000 last week.",
        "Sales claims rose {pct} in {month}.",
        "{company} paid out {money} in claims after the storms.",
        "Land claims in the region date back to the colonial era.",
        "The number of compensation claims has doubled since {year}.",
        "Personal injury claims fell after the reforms.",
        "Warranty claims cost the carmaker {money} last year.",
    ],
    "denied": [
        "The company denied entry to journalists at its {year} meeting.",
        "He was denied a visa in {year}.",
        "The suspect was denied bail.",
        "Aid workers have been denied access to the city since {month}.",
        "The team was denied a penalty in the final minute.",
        "Residents were denied permission to hold the march.",
        "The application was denied in {year} because of missing paperwork.",
        "Patients were denied treatment during the strike.",
        "Farmers were denied compensation for the flooded fields.",
        "The airline was denied landing rights in {city}.",
    ],
    "denial": [
        "A denial-of-service attack knocked the website offline for {n2} hours.",
        "The play is about a family in denial about their father's illness.",
        "The film explores climate denial in the {year}s.",
        "Denial of service attacks on banks rose sharply last year.",
        "The book examines the psychology of denial.",
    ],
    "spokesperson": [
        "A spokesperson position was created in {year}.",
        "The post of government spokesperson has been vacant since {month}.",
        "She was appointed the club's spokesperson in {year}.",
        "The spokesperson's office employs {n2} people.",
        "He served as the ministry's spokesman from {year} to {year}.",
    ],
    "source": [
        "Tourism is the island's main source of income.",
        "The river's source lies high in the mountains.",
        "Coal remains the country's biggest source of electricity.",
        "The software is open source.",
        "Wheat is the region's main source of export revenue.",
        "Remittances are a vital source of income for many families.",
        "Gas is the main source of heating in the city.",
    ],
    "said": [
        "Much has been said about the new stadium, but little has been built.",
        "Little was said at the meeting about the budget.",
        "That said, the economy is still growing.",
        "The said agreement expired in {year}.",
    ],
    "officials": [
        "Election officials counted ballots through the night.",
        "Match officials will be wearing body cameras this season.",
        "Local officials will be elected in {month}.",
        "Customs officials inspected {n} containers at the port.",
        "Health officials began vaccinating children in {month}.",
    ],
    "experts": [
        "A panel of experts will meet in {city} in {month}.",
        "The museum employs {n2} experts in restoration.",
        "The experts' committee was set up in {year}.",
    ],
    "statement": [
        "The statement of accounts was filed {n2} days late.",
        "Bank statements are now sent online.",
        "The fashion house is known for statement jewellery.",
    ],
    "confirmed": [
        "Confirmed cases rose to {n3} on {day}.",
        "The number of confirmed deaths stood at {n} by {day} evening.",
        "The appointment was confirmed by parliament in {year}.",
    ],
    "according": [
        "Seats are allocated according to population.",
        "The launch went according to plan.",
        "Prices vary according to the season.",
        "Tickets were sold according to a lottery system.",
        "Players are paid according to a fixed scale.",
    ],
    "anonymous": [
        "An anonymous donor paid for the new playground.",
        "The painting was sold to an anonymous buyer for {money}.",
        "The competition is judged anonymously.",
    ],
    "witness": [
        "Witnesses will be called next week.",
        "The witness box was rebuilt in {year}.",
        "Witness protection programmes cost the state {money} a year.",
    ],
    "critics": [
        "The documentary was a hit with critics.",
        "The novel won the critics' prize in {year}.",
    ],
    "dismissed": [
        "The case was dismissed in {year}.",
        "The appeal was dismissed on a technicality.",
        "The lawsuit was dismissed after the parties settled.",
    ],
    "rejected": [
        "The senate rejected the bill by {k} votes to {n2}.",
        "Voters rejected the proposal in a referendum in {year}.",
        "The planning application was rejected in {month}.",
        "Shareholders rejected the pay package at the annual meeting.",
    ],
    "told": [
        "Residents were told to boil their water.",
        "Passengers were told to leave the train at {city}.",
        "Schools were told to close early on {day}.",
    ],
    "sources": [
        "The country gets most of its power from renewable sources.",
        "The museum's collection draws on many sources.",
    ],
}
SCARE = [
    "The so-called “{x}” was unveiled in {month}.",
    "The government's “{x}” programme was launched in {year}.",
    'Supporters call the plan a "{x}".',
    'The "{x}" campaign ran for {n2} months.',
    "What began as a “{x}” turned into a {n2}-year project.",
    "The scheme, known locally as the “{x}”, cost {money}.",
    'The law is widely known as the "{x}".',
]
SCARE_X = [
    "peace plan",
    "grand bargain",
    "fair deal",
    "green revolution",
    "reset",
    "people's budget",
    "new dawn",
    "levelling up",
    "smart city",
    "miracle cure",
    "super league",
    "clean coal",
    "zero tolerance",
    "tidy town",
    "open door",
    "digital highway",
    "sovereign wealth",
    "quiet zone",
]


def g_hard_trigger(dom):
    key = pick(list(TRIGGER_U.keys()))
    return key, ctx(dom), tidy(cap(fill(pick(TRIGGER_U[key]))))


def g_scare(dom):
    return ctx(dom), tidy(fill(pick(SCARE).replace("{x}", pick(SCARE_X))))


def g_dismiss_fired(dom):
    f, l, g = person()
    if rng.random() < 0.4:
        org = pick(CLUBS)
        role = pick(["coach", "manager", "head coach", "sporting director", "goalkeeping coach"])
    else:
        org = pick(
            COMPANIES + ["The council", "The ministry", "The university", "The hospital trust"]
        )
        role = pick(
            [
                "chief executive",
                "finance director",
                "chief operating officer",
                "director",
                "head of communications",
            ]
        )
    why = pick(
        [
            "after a run of {n2} defeats",
            "after a string of losses",
            "in {year}",
            "on {day}",
            "following a review",
            "with immediate effect",
            "after just {n2} months in charge",
        ]
    )
    t = "%s %s its %s, %s %s, %s." % (
        cap(org),
        pick(["dismissed", "sacked", "fired", "dismissed"]),
        role,
        f,
        l,
        fill(why),
    )
    return ctx(dom), tidy(t)


def g_unattr_after_attrib(dom):
    """Context has a (named or anonymous) attribution; text is plain background."""
    c = pick([g_named_start, g_anon_end, g_named_quote, g_anon_start, g_named_end])(dom)[1]
    return tidy(c), tidy(fill(pick(D[dom]["background"])))


def g_unattr_headline(dom):
    s, p = content(dom)
    t = cap("%s %s" % (s, p))
    t = t.replace("the ", "").replace("The ", "")
    return "", tidy(cap(t.strip()))


def g_unattr_quoted_title(dom):
    f, l, g = person()
    w = pick(["memoir", "novel", "documentary", "album", "report", "film", "podcast"])
    title = pick(
        [
            "Denial",
            "The Source",
            "Officials Say",
            "Unnamed",
            "Off the Record",
            "The Quiet Year",
            "Northern Lights",
            "Claims and Counterclaims",
            "A Long Way Home",
            "Fake News",
            "The Spokesman",
            "Breaking Point",
        ]
    )
    by = rng.random() < 0.5
    t = "%s %s %s, %s, %s in %s." % (
        "The" if by else pick(["Her", "His", "The"]),
        w if w != "report" else "novel",
        "by " + f + " " + l if by else "",
        quote(title),
        pick(["was published", "was released", "came out", "premiered"]),
        fill("{year}"),
    )
    return ctx(dom), tidy(t)


# ---------------------------------------------------------------------------
# LONG sentences (30-60 words) for every label
# ---------------------------------------------------------------------------
SETTINGS = [
    "speaking at a news conference in {city} on {day}",
    "in a statement released late on {day}",
    "speaking to reporters after a meeting with {outlet} editors",
    "in an interview broadcast on {day} evening",
    "speaking on the sidelines of a conference in {city}",
    "in a post on social media on {day}",
]
HEDGES = [
    "although no timetable was given",
    "but gave no further details",
    "without elaborating",
    "and did not rule out further measures",
    "but declined to say how much it would cost",
    "while stressing that no final decision had been taken",
]


def two_clauses(dom):
    a, b = rng.sample(D[dom]["content"], 2)
    return fill(a[0] + " " + a[1]), fill(b[0] + " " + b[1])


def g_named_long(dom):
    p = named_person(dom)
    c1, c2 = two_clauses(dom)
    r = rng.random()
    if r < 0.5:
        t = "%s, %s, said %s, adding that %s, %s." % (
            p["full"],
            fill(pick(D[dom]["roles"])[1]),
            c1,
            c2,
            pick(HEDGES),
        )
    elif r < 0.8:
        t = "%s, %s, said %s and that %s." % (cap(named_org(dom)), fill(pick(SETTINGS)), c1, c2)
    else:
        t = (
            "%s, %s, told %s on %s that %s, a claim that was later repeated in a written statement from %s."
            % (
                p["full"],
                fill(pick(D[dom]["roles"])[1]),
                pick(OUTLETS),
                pick(DAYS),
                c1,
                named_org(dom),
            )
        )
    return ctx(dom), tidy(t)


def g_anon_long(dom):
    c1, c2 = two_clauses(dom)
    sg = [a for a, pl in D[dom]["anon"] if not pl] or ["a senior official"]
    why = pick(
        [
            "because they were not authorised to speak publicly",
            "because the discussions were private",
            "because the matter is sensitive",
            "for fear of reprisals",
            "because the plans have not been announced",
        ]
    )
    r = rng.random()
    if r < 0.5:
        t = "%s, %s, who spoke on condition of anonymity %s, said on %s, adding that %s." % (
            cap(c1),
            pick(sg),
            why,
            pick(DAYS),
            c2,
        )
    elif r < 0.8:
        t = (
            "%s said %s and that %s, though %s stressed that the situation could still change in the coming days."
            % (
                cap(
                    pick(
                        [
                            "two people familiar with the matter",
                            "several officials",
                            "people briefed on the discussions",
                            "sources close to the negotiations",
                        ]
                    )
                ),
                c1,
                c2,
                pick(["they", "they"]),
            )
        )
    else:
        t = "%s reported on %s, citing %s, that %s and that %s." % (
            cap(pick(OUTLETS)),
            pick(DAYS),
            pick(
                [
                    "three people with direct knowledge of the plans",
                    "unnamed officials",
                    "people familiar with the matter",
                    "a person who has seen the draft",
                ]
            ),
            c1,
            c2,
        )
    return ctx(dom), tidy(t)


def g_denial_long(dom):
    src, who, plural, p = denier(dom)
    act = act_for(pick(D[dom]["acts"]), who)
    r = rng.random()
    if r < 0.5:
        t = (
            "%s denied %s, saying in a statement on %s that %s had %s and would cooperate fully with any inquiry."
            % (
                cap(src),
                np_alleg(dom, who),
                pick(DAYS),
                who,
                pick(
                    [
                        "always complied with the law",
                        "acted in good faith throughout",
                        "followed every applicable rule",
                        "done nothing improper",
                    ]
                ),
            )
        )
    elif r < 0.8:
        t = "%s, which %s, rejected %s as %s and accused %s of %s." % (
            cap(accused_org(dom)),
            fill(
                pick(
                    [
                        "has faced scrutiny since {year}",
                        "is based in {city}",
                        "employs thousands of people in the region",
                        "was founded in {year}",
                    ]
                )
            ),
            np_alleg(dom, "it"),
            pick(DISMISS_QUAL),
            pick(["its critics", "rivals", "the opposition", "the newspaper"]),
            pick(
                [
                    "trying to damage its reputation",
                    "spreading misinformation",
                    "pursuing a political agenda",
                    "acting in bad faith",
                ]
            ),
        )
    else:
        t = (
            "%s has repeatedly denied that %s had %s, and on %s %s lawyers said the claims were %s and that %s would sue."
            % (
                cap(src),
                who,
                act,
                pick(DAYS),
                "its" if who == "it" else POSS.get(who, "their"),
                pick(CALL_QUAL),
                who,
            )
        )
    return ctx(dom), tidy(conj(t, plural))


def lower_first(s):
    return (
        s[0].lower() + s[1:]
        if s.split()[0]
        in (
            "The",
            "A",
            "About",
            "Most",
            "Both",
            "Fighting",
            "Flu",
            "Global",
            "Coal",
            "Lithium",
            "Inflation",
            "Tourism",
            "Oil",
            "Car",
            "Measles",
            "Life",
            "Burglaries",
            "Homicides",
            "Knife",
            "Parliament",
            "Turnout",
            "Appeals",
        )
        else s
    )


def g_unattr_long(dom):
    a, b = rng.sample(D[dom]["background"], 2)
    c = ctx(dom, exclude=a)
    a, b = fill(a).rstrip("."), lower_first(fill(b))
    t = pick(["%s, and %s", "%s, while %s", "%s; %s"]) % (a, b)
    if rng.random() < 0.4:
        t = (
            t.rstrip(".")
            + ", "
            + pick(
                [
                    "a fact that has shaped the debate ever since.",
                    "which few people outside the region realise.",
                    "and little is expected to change soon.",
                    "figures that have barely moved in a decade.",
                ]
            )
        )
    return c, tidy(t)


# ---------------------------------------------------------------------------
# Plan: (kind, label, generator, target)
# ---------------------------------------------------------------------------
PLAN = [
    # named-source
    ("named-start-said", NAMED, g_named_start, 230),
    ("named-according", NAMED, g_named_according, 120),
    ("named-cue-end", NAMED, g_named_end, 200),
    ("named-middle", NAMED, g_named_middle, 110),
    ("named-quote", NAMED, g_named_quote, 160),
    ("named-outlet-report", NAMED, g_named_outlet, 90),
    ("named-chain", NAMED, g_named_chain, 110),
    ("named-document", NAMED, g_named_document, 110),
    ("named-country-claims", NAMED, g_named_country, 60),
    ("pronoun-backref", NAMED, g_pronoun_named, 220),
    ("quote-continuation", NAMED, g_quote_cont_named, 110),
    ("hard-neg-declined-comment", NAMED, g_nonanswer_named("declined"), 90),
    ("hard-neg-no-info", NAMED, g_nonanswer_named("noinfo"), 70),
    ("hard-neg-could-not-confirm", NAMED, g_nonanswer_named("confirm"), 60),
    ("hard-neg-no-response", NAMED, g_nonanswer_named("noresponse"), 70),
    ("hard-neg-dismiss-unrelated", NAMED, g_dismiss_unrelated, 120),
    ("named-long", NAMED, g_named_long, 90),
    # anonymous-source
    ("anon-start", ANON, g_anon_start, 250),
    ("anon-cue-end", ANON, g_anon_end, 250),
    ("anon-middle", ANON, g_anon_middle, 120),
    ("anon-according", ANON, g_anon_according, 170),
    ("anon-condition", ANON, g_anon_condition, 140),
    ("anon-reportedly", ANON, g_anon_reportedly, 110),
    ("anon-understood", ANON, g_anon_understood, 90),
    ("anon-outlet-citing", ANON, g_anon_outlet_citing, 130),
    ("anon-told-outlet", ANON, g_anon_told_outlet, 100),
    ("anon-experts", ANON, g_anon_experts, 130),
    ("anon-media-reports", ANON, g_anon_media, 100),
    ("anon-quote", ANON, g_anon_quote, 80),
    ("pronoun-backref-anon", ANON, g_pronoun_anon, 160),
    ("quote-continuation-anon", ANON, g_quote_cont_anon, 70),
    ("hard-neg-declined-comment-anon", ANON, g_nonanswer_anon("declined"), 60),
    ("hard-neg-no-info-anon", ANON, g_nonanswer_anon("noinfo"), 40),
    ("hard-neg-could-not-confirm-anon", ANON, g_nonanswer_anon("confirm"), 40),
    ("hard-neg-no-response-anon", ANON, g_nonanswer_anon("noresponse"), 40),
    ("anon-long", ANON, g_anon_long, 90),
    # official-denial
    ("denial-denied", DENIAL, g_denial("denied"), 230),
    ("denial-denied-that", DENIAL, g_denial("denied-that"), 170),
    ("denial-rejected", DENIAL, g_denial("rejected"), 150),
    ("denial-dismiss", DENIAL, g_denial("dismiss"), 170),
    ("denial-refute", DENIAL, g_denial("refute"), 80),
    ("denial-called-false", DENIAL, g_denial("called-false"), 110),
    ("denial-said-untrue", DENIAL, g_denial("said-untrue"), 110),
    ("denial-disputes", DENIAL, g_denial("disputes"), 70),
    ("denial-no-truth", DENIAL, g_denial("no-truth"), 80),
    ("denial-categorical", DENIAL, g_denial("categorical"), 80),
    ("denial-pushed-back", DENIAL, g_denial("pushed-back"), 90),
    ("denial-wrongdoing", DENIAL, g_denial("wrongdoing"), 90),
    ("denial-quote", DENIAL, g_denial("quote"), 120),
    ("denial-chain", DENIAL, g_denial("chain"), 80),
    ("denial-statement", DENIAL, g_denial("statement"), 50),
    ("denial-both", DENIAL, g_denial("both"), 50),
    ("denial-pronoun", DENIAL, g_denial_pronoun, 130),
    ("denial-quote-continuation", DENIAL, g_denial_quote_cont, 60),
    ("denial-after-report", DENIAL, g_denial_after_report, 90),
    ("denial-headline", DENIAL, g_denial_headline, 40),
    ("denial-long", DENIAL, g_denial_long, 90),
    # unattributed
    ("unattr-background", UNATTR, g_unattr_background, 260),
    ("unattr-analysis", UNATTR, g_unattr_analysis, 110),
    ("unattr-event", UNATTR, g_unattr_event, 200),
    ("unattr-stat", UNATTR, g_unattr_stat, 200),
    ("unattr-chronology", UNATTR, g_unattr_chrono, 150),
    ("unattr-after-attrib", UNATTR, g_unattr_after_attrib, 170),
    ("unattr-headline", UNATTR, g_unattr_headline, 50),
    ("hard-neg-report-word", UNATTR, None, 300),  # special: g_hard_trigger
    ("hard-neg-scare-quote", UNATTR, g_scare, 90),
    ("hard-neg-dismiss-fired", UNATTR, g_dismiss_fired, 70),
    ("hard-neg-quoted-title", UNATTR, g_unattr_quoted_title, 50),
    ("unattr-long", UNATTR, g_unattr_long, 90),
]

HARD_PREFIXES = (
    "hard-",
    "pronoun-",
    "quote-continuation",
    "denial-pronoun",
    "denial-quote-continuation",
    "denial-after-report",
    "denial-chain",
    "named-chain",
    "anon-outlet-citing",
    "unattr-after-attrib",
    "denial-anon-party",
)


def is_hard(kind):
    return kind.startswith(HARD_PREFIXES)


def write_rows(rows, name):
    """Write `rows` as JSON lines to `name` beside this file (used by the other generators)."""
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(f"wrote {len(rows)} rows to {path}")


def load_handwritten():
    out = []
    lab = {"N": NAMED, "A": ANON, "D": DENIAL, "U": UNATTR}
    with open(os.path.join(HERE, "handwritten.txt"), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("|")
            if len(parts) != 5:
                raise SystemExit(
                    "handwritten.txt line %d: expected 5 fields, got %d" % (ln, len(parts))
                )
            L, dom, kind, context, text = parts
            out.append(
                dict(
                    text=text.strip(),
                    context=context.strip(),
                    label=lab[L],
                    domain=DOM_ABBR[dom],
                    kind=kind.strip(),
                    source="handwritten",
                )
            )
    return out


def main():
    seen = set()
    rows = []
    hand = load_handwritten()
    for r in hand:
        if r["text"] in seen:
            continue
        seen.add(r["text"])
        rows.append(r)

    for kind, label, fn, target in PLAN:
        got = 0
        tries = 0
        while got < target and tries < target * 40:
            tries += 1
            dom = DOMAINS[tries % len(DOMAINS)]
            if fn is None:
                key, c, t = g_hard_trigger(dom)
                k = "hard-neg-%s-word" % key
            else:
                res = fn(dom)
                if res is None:
                    continue
                c, t = res
                k = kind
            if t in seen or not t:
                continue
            seen.add(t)
            rows.append(
                dict(text=t, context=c, label=label, domain=dom, kind=k, source="generated")
            )
            got += 1
        if got < target:
            print("WARNING: kind %s reached only %d of %d" % (kind, got, target))

    rng.shuffle(rows)
    with open(os.path.join(HERE, "examples.jsonl"), "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(
                json.dumps(
                    {k: r[k] for k in ("text", "context", "label", "domain", "kind")},
                    ensure_ascii=False,
                )
                + "\n"
            )
    with open(os.path.join(HERE, "handwritten.jsonl"), "w", encoding="utf-8") as fh:
        for r in hand:
            fh.write(
                json.dumps(
                    {k: r[k] for k in ("text", "context", "label", "domain", "kind")},
                    ensure_ascii=False,
                )
                + "\n"
            )

    # ---- statistics ----
    lab = collections.Counter(r["label"] for r in rows)
    dom = collections.Counter(r["domain"] for r in rows)
    kinds = collections.Counter((r["label"], r["kind"]) for r in rows)
    hard = sum(1 for r in rows if is_hard(r["kind"]))
    empty = sum(1 for r in rows if not r["context"])
    src = collections.Counter(r["source"] for r in rows)
    print(
        "total examples: %d  (handwritten %d, generated %d)"
        % (len(rows), src["handwritten"], src["generated"])
    )
    print("empty context: %d (%.1f%%)" % (empty, 100.0 * empty / len(rows)))
    print("hard cases: %d" % hard)
    print("\nper label:")
    for k, v in sorted(lab.items()):
        print("  %-18s %5d" % (k, v))
    print("\nper domain:")
    for k, v in sorted(dom.items()):
        print("  %-18s %5d" % (k, v))
    print("\nper label x domain:")
    for L in sorted(lab):
        print(
            "  %-18s " % L
            + " ".join(
                "%s=%d" % (d[:4], sum(1 for r in rows if r["label"] == L and r["domain"] == d))
                for d in DOMAINS
            )
        )
    print("\nper kind:")
    for (L, k), v in sorted(kinds.items()):
        print("  %-18s %-36s %5d%s" % (L, k, v, "  (hard)" if is_hard(k) else ""))
    lens = [len(r["text"].split()) for r in rows]
    print(
        "\nwords per text: min %d, max %d, mean %.1f"
        % (min(lens), max(lens), sum(lens) / len(lens))
    )


if __name__ == "__main__":
    main()

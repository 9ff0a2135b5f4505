#!/usr/bin/env python3
"""Writes the relevance set: catalogue.json (programs in a 2-1-1 export's style) and
judgments.json (queries, each with the programs judged relevant). README.md says how the
judging works; this script is that method written down, so the set can be regenerated
after a template is changed:

    python3 search/tests/relevance/make_set.py

Every program comes from a template below with the topics it serves: 2 for what the
program is for, 1 for what it also offers. Every query lists the topics a family typing
it wants (2: exactly this, 1: related and useful), and optionally a town. A program's
grade for a query is judged from the topics alone, never from an engine's results:
  - the best grade over the topics both share, where a topic the program only "also
    offers" gives at most 1;
  - with a town in the query, a program that lists the town keeps its grade; one serving
    it through its county or statewide gets at most 1; any other gets 0.
Organizations and phone numbers are fictional (860-555-01xx and the like).
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

COUNTY = {
    "Hartford": "Hartford County", "West Hartford": "Hartford County", "East Hartford": "Hartford County",
    "New Britain": "Hartford County", "Manchester": "Hartford County", "Bristol": "Hartford County",
    "Enfield": "Hartford County", "New Haven": "New Haven County", "Meriden": "New Haven County",
    "Waterbury": "New Haven County", "West Haven": "New Haven County", "Bridgeport": "Fairfield County",
    "Stamford": "Fairfield County", "Norwalk": "Fairfield County", "Danbury": "Fairfield County",
    "Middletown": "Middlesex County", "Norwich": "New London County", "New London": "New London County",
    "Windham": "Windham County", "Torrington": "Litchfield County", "Vernon": "Tolland County",
}
CHURCHES = [
    "St. Patrick's Church", "First Baptist Church", "Grace Lutheran Church", "Iglesia Pentecostal Roca de Salvacion",
    "Sacred Heart Parish", "Mount Olive AME Zion Church", "Temple Beth Shalom", "Immanuel Congregational Church",
    "Iglesia Cristiana Nueva Vida", "St. Mary's Episcopal Church", "Faith Tabernacle", "Trinity Methodist Church",
    "Bethel AME Church", "Our Lady of Guadalupe Parish", "Salvation Army Corps (fictional)", "Masjid Al-Noor",
    "Asbury United Methodist Church", "Iglesia Bautista Hispana", "Christ Lutheran Church", "St. Anne's Parish",
]
NEEDS = [
    ("food", "Food & nutrition", "Comida y nutrición"),
    ("housing", "Housing & shelter", "Vivienda y refugio"),
    ("health", "Health care & dental", "Atención médica y dental"),
    ("mental-health", "Mental health", "Salud mental"),
    ("recovery", "Substance use recovery", "Recuperación del uso de sustancias"),
    ("child-care", "Child care & early learning", "Cuidado infantil"),
    ("education", "Adult education & jobs", "Educación de adultos y empleo"),
    ("legal", "Legal & immigration", "Ayuda legal e inmigración"),
    ("family-support", "Family support", "Apoyo familiar"),
    ("safety", "Safety & violence", "Seguridad y violencia"),
    ("utilities", "Utilities & bills", "Servicios públicos y facturas"),
    ("transportation", "Transportation", "Transporte"),
    ("older-adults", "Older adults", "Adultos mayores"),
    ("goods", "Clothing & baby items", "Ropa y artículos de bebé"),
]

programs = []
topics_of = {}
phone = [0]


def add(key, name, org, description, needs, towns, topics, eligibility=None, spanish=None, cost="Free",
        languages=("en",), ages=None, statewide=False):
    """One program; `topics` maps a topic to 2 (what it is for) or 1 (also offered)."""
    n = sum(1 for p in programs if p["id"].startswith(key + "-")) + 1
    pid = f"{key}-{n}"
    phone[0] += 1
    area = {"Fairfield County": "203", "New Haven County": "203"}.get(COUNTY.get(towns[0] if towns else "", ""), "860")
    program = {"id": pid, "name": name, "organization": org, "description": description, "needs": needs}
    if statewide:
        program["statewide"] = True
    else:
        program["towns"] = list(towns)
    if eligibility:
        program["eligibility"] = eligibility
    program["phone"] = f"{area}-555-01{phone[0] % 100:02d}"
    program["languages"] = list(languages)
    if cost:
        program["cost"] = cost
    if ages:
        program["minimum_age"], program["maximum_age"] = ages
    if spanish:
        program["translations"] = {"es": dict(zip(("name", "description"), spanish))}
    programs.append(program)
    topics_of[pid] = topics


# ---- Food -----------------------------------------------------------------------------
pantry_towns = ["Hartford", "New Haven", "Bridgeport", "Waterbury", "Hartford", "Meriden", "Norwich",
                "New Britain", "Stamford", "Danbury", "Middletown", "Hartford", "New London", "Bristol",
                "East Hartford", "Norwalk", "Torrington", "Waterbury", "Vernon", "Enfield"]
for i, (church, town) in enumerate(zip(CHURCHES, pantry_towns)):
    spanish_church = "Iglesia" in church
    name = ["FOOD PANTRY", "EMERGENCY FOOD PANTRY", "FOOD PANTRY - SATURDAY DISTRIBUTION", "COMMUNITY FOOD PANTRY"][i % 4]
    if spanish_church:
        name = "DESPENSA DE ALIMENTOS / FOOD PANTRY"
    add("pantry", name, church,
        f"Provides free groceries to residents of {town} and surrounding towns. Clients may visit once per month "
        "and receive a 3-5 day supply of non-perishable food, fresh produce when available, bread and dairy. "
        "Bring photo ID and proof of address. No income documentation required. Volunteers available to help "
        "clients apply for SNAP benefits on distribution days." if i % 3 == 0 else
        f"Emergency food assistance for individuals and families in need. Pantry provides canned goods, "
        f"pasta, cereal, and frozen meat. Serves {town} residents; walk-ins welcome during pantry hours. "
        "Call ahead for holiday baskets at Thanksgiving and Christmas.",
        ["food"], [town], {"pantry": 2, "food": 2, "snap": 1 if i % 3 == 0 else 0},
        eligibility=f"Residents of {town}. Photo ID and proof of address required.",
        spanish=("Despensa de alimentos", "Alimentos gratuitos para familias: enlatados, pan, frutas y verduras.")
        if spanish_church or i % 2 == 0 else None,
        languages=("en", "es") if spanish_church or i % 2 == 0 else ("en",))
for town in ["Hartford", "New Haven", "Bridgeport", "Waterbury", "New London"]:
    add("meals", "SOUP KITCHEN - HOT MEALS", f"{town} Community Meals Inc.",
        "Serves a free hot lunch Monday through Saturday and a bag supper on Sundays. No questions asked, "
        "no ID required. Take-home sandwiches when available. Also a clothing closet on the first Tuesday.",
        ["food"], [town], {"meals": 2, "food": 2, "clothing": 1})
add("mobile", "MOBILE FOOD PANTRY", "Foodshare of Greater Hartford (fictional)",
    "Mobile pantry truck visits neighborhoods on a rotating schedule, distributing fresh produce, dairy and "
    "protein at no cost. Check the online calendar for stops. Also connects families to SNAP enrollment.",
    ["food"], ["Hartford County"], {"pantry": 2, "food": 2, "snap": 1}, languages=("en", "es"),
    spanish=("Despensa móvil", "Camión de comida gratis con frutas, verduras y leche."))
# Real exports name many SNAP helpers without the word SNAP: it is only in the description.
for town, name in [("Hartford", "SNAP APPLICATION ASSISTANCE"), ("New Haven", "FOOD ASSISTANCE BENEFITS - APPLICATION HELP"),
                   ("Waterbury", "BENEFITS ENROLLMENT CENTER - FOOD, CASH AND HEALTH COVERAGE"),
                   ("Bridgeport", "NUTRITION BENEFITS OUTREACH")]:
    add("snap", name, f"End Hunger Connecticut Outreach - {town} Office",
        "Helps individuals and families apply for the Supplemental Nutrition Assistance Program (SNAP), "
        "formerly known as food stamps. Staff pre-screen for eligibility, help complete the application, "
        "gather documents, and follow up on renewals and interviews with the Department of Social Services (DSS).",
        ["food"], [town], {"snap": 2, "food": 1}, languages=("en", "es"),
        spanish=("Ayuda con solicitudes de SNAP (cupones de alimentos)",
                 "Ayuda para solicitar beneficios de SNAP, antes conocidos como estampillas de comida."))
add("snap", "SUPPLEMENTAL NUTRITION ASSISTANCE PROGRAM (SNAP)", "Department of Social Services (DSS) - fictional office",
    "Monthly benefits on an EBT card to buy food at grocery stores and farmers markets. Eligibility based on "
    "household size and income. Apply online, by phone or at a DSS field office.",
    ["food"], [], {"snap": 2, "food": 1}, statewide=True, languages=("en", "es"))
add("snap", "FOOD STAMP OUTREACH", "Catholic Charities (fictional) - Family Services",
    "Assistance with food stamp applications and recertification; SNAP benefits screening, help with EBT cards "
    "and lost benefits. Bilingual staff.", ["food"], ["New Haven County"], {"snap": 2, "food": 1},
    languages=("en", "es"))
for town in ["Hartford", "New Haven", "Bridgeport", "Waterbury", "Norwalk", "Windham", "New Britain", "Stamford",
             "Middletown"]:
    add("wic", f"WIC - WOMEN, INFANTS AND CHILDREN NUTRITION PROGRAM ({town.upper()})",
        f"{town} Health Department (fictional)",
        "WIC provides healthy foods, nutrition education, breastfeeding support and referrals to pregnant women, "
        "new mothers, infants and children under 5. Benefits are loaded on an eWIC card. Income guidelines apply; "
        "families on HUSKY automatically qualify.",
        ["food", "family-support"], [town], {"wic": 2, "food": 1, "breastfeeding": 1, "pregnancy": 1},
        eligibility="Pregnant, breastfeeding or postpartum women, infants, and children up to age 5.",
        languages=("en", "es"),
        spanish=("Programa WIC para mujeres, bebés y niños", "Alimentos saludables y apoyo de lactancia para mujeres embarazadas, bebés y niños."))
add("wic", "PROGRAMA WIC", "Centro Hispano de Salud (fictional)",
    "Programa de nutrición para mujeres embarazadas, bebés y niños menores de 5 años. Citas en español.",
    ["food"], ["Meriden"], {"wic": 2, "food": 1}, languages=("es",))
for town in ["Hartford", "New Haven", "Stamford"]:
    add("seniormeals", "MEALS ON WHEELS - HOME DELIVERED MEALS", f"{town} Area Agency on Aging (fictional)",
        "Delivers nutritious hot meals to homebound seniors age 60 and over, Monday through Friday. Frozen meals "
        "for weekends. Suggested donation; no one is turned away.", ["food", "older-adults"], [town],
        {"senior-meals": 2, "food": 1, "seniors": 1}, ages=(60, 120), cost="Suggested donation")
add("nutrition", "NUTRITION EDUCATION CLASSES", "UConn Extension (fictional)",
    "Free cooking and nutrition classes for parents: healthy meals on a budget, reading food labels, shopping "
    "with SNAP and WIC benefits.", ["food"], ["Hartford County"], {"nutrition": 2, "food": 1})

# ---- Health, dental --------------------------------------------------------------------
for town in ["Hartford", "New Haven", "Bridgeport", "Waterbury", "New Britain", "Norwich", "Danbury", "Middletown"]:
    add("chc", "COMMUNITY HEALTH CENTER - PRIMARY CARE", f"{town} Community Health Services (fictional)",
        "Federally qualified health center offering primary medical care for adults and children, well-child "
        "visits, immunizations, chronic disease management, and a sliding fee scale for the uninsured. "
        "On-site dental clinic and behavioral health. Help enrolling in HUSKY Health.",
        ["health"], [town], {"medical": 2, "vaccines": 1, "dental": 1, "insurance": 1, "mental": 1},
        cost="Sliding fee scale", languages=("en", "es"))
for town in ["Hartford", "New Haven", "Bridgeport", "Norwich", "Danbury", "Stamford", "Meriden"]:
    add("dental", "DENTAL CLINIC", f"{town} Family Dental Center (fictional)",
        "Comprehensive dental care for children and adults: cleanings, fillings, extractions, x-rays and "
        "emergency dental visits. Accepts HUSKY (Medicaid) dental; sliding fee for the uninsured.",
        ["health"], [town], {"dental": 2}, cost="Sliding fee scale", languages=("en", "es"),
        spanish=("Clínica dental", "Atención dental para niños y adultos: limpiezas, empastes y emergencias."))
add("dental", "SCHOOL-BASED DENTAL SEALANT PROGRAM", "Smile Connecticut (fictional)",
    "Dental hygienists visit elementary schools to provide free screenings, sealants and fluoride varnish. "
    "Parents sign a consent form.", ["health"], ["Hartford County", "New Haven County"], {"dental": 2},
    ages=(5, 12))
add("dental", "MOBILE DENTAL VAN", "Smile Connecticut (fictional)",
    "A dentist and hygienist travel to community sites to offer exams, cleanings and referrals for children "
    "without a regular dentist.", ["health"], ["Fairfield County"], {"dental": 2}, ages=(1, 18))
add("dental", "CLINICA DENTAL HISPANA", "Asociación de Salud Latina (fictional)",
    "Servicios dentales en español: limpiezas, extracciones, coronas. Se aceptan pacientes sin seguro. "
    "Dentista bilingüe.", ["health"], ["Waterbury"], {"dental": 2}, languages=("es",))
add("dental", "EMERGENCY DENTAL CARE - TOOTH PAIN", "Hartford Hospital Dental Residency (fictional)",
    "Walk-in emergency care for toothaches, broken teeth and dental infections. Residents supervised by "
    "licensed dentists. Low cost.", ["health"], ["Hartford"], {"dental": 2}, cost="Low cost")
for town in ["Hartford", "Bridgeport"]:
    add("vision", "EYE EXAMS AND GLASSES FOR KIDS", f"{town} Lions Club (fictional)",
        "Free vision screenings and eye exams for school-age children; free eyeglasses for families who qualify.",
        ["health"], [town], {"vision": 2}, ages=(3, 18))
for town in ["Hartford", "New Haven"]:
    add("vax", "CHILDHOOD IMMUNIZATION CLINIC", f"{town} Health Department (fictional)",
        "Free vaccines for children and teens who are uninsured or on HUSKY: school shots, flu shots, HPV. "
        "Bring the child's immunization record.", ["health"], [town], {"vaccines": 2}, ages=(0, 18))
for town in ["Hartford", "Bridgeport", "Norwalk"]:
    add("insurance", "HUSKY HEALTH ENROLLMENT ASSISTANCE", f"Covering Connecticut Kids (fictional) - {town}",
        "Certified application counselors help families apply for HUSKY Health (Medicaid and CHIP) and Access "
        "Health CT health insurance plans, and renew coverage.", ["health"], [town], {"insurance": 2},
        languages=("en", "es"), spanish=("Ayuda con seguro médico HUSKY", "Le ayudamos a solicitar seguro médico para niños y adultos."))
add("lead", "LEAD POISONING PREVENTION PROGRAM", "Hartford Health Department (fictional)",
    "Home inspections for lead paint, blood lead testing referrals, and case management for children with "
    "elevated blood lead levels.", ["health", "housing"], ["Hartford"], {"lead": 2}, ages=(0, 6))
add("prenatal", "PRENATAL CARE CLINIC", "Women's Health Center of New Haven (fictional)",
    "Prenatal visits, ultrasounds, childbirth classes and postpartum care for pregnant women regardless of "
    "insurance. Help with HUSKY for pregnant women.", ["health"], ["New Haven"], {"pregnancy": 2, "medical": 1},
    languages=("en", "es"))

# ---- Mental health and recovery --------------------------------------------------------
for town in ["Hartford", "New Haven", "Meriden", "Bridgeport", "Norwich", "Torrington"]:
    add("mh", "OUTPATIENT MENTAL HEALTH CLINIC FOR CHILDREN", f"Child Guidance Center of {town} (fictional)",
        "Individual, family and group therapy for children and adolescents with emotional or behavioral "
        "problems. Psychiatric evaluation and medication management. Accepts HUSKY.",
        ["mental-health"], [town], {"mental": 2, "counseling": 2}, ages=(3, 18), languages=("en", "es"),
        spanish=("Clínica de salud mental para niños", "Terapia y consejería para niños y adolescentes."))
for town in ["Waterbury", "New Britain", "Norwalk"]:
    add("counsel", "BEHAVIORAL HEALTH COUNSELING - ADULTS", f"Family Services of {town} (fictional)",
        "Licensed clinicians provide counseling for depression, anxiety, grief, trauma and relationship "
        "problems. Sliding fee scale. Evening appointments.", ["mental-health"], [town],
        {"mental": 2, "counseling": 2}, cost="Sliding fee scale")
add("crisis", "MOBILE CRISIS INTERVENTION (CALL 2-1-1 OR 988)", "Statewide Crisis Network (fictional)",
    "Clinicians come to the home, school or community for a child or adult in a mental health crisis. "
    "Available 24 hours. Suicide prevention.", ["mental-health"], [], {"mental": 2, "crisis": 2}, statewide=True)
add("ppd", "POSTPARTUM DEPRESSION SUPPORT GROUP", "Mothers Circle (fictional)",
    "Weekly support group for new mothers experiencing postpartum depression or anxiety. Babies welcome. "
    "Facilitated by a perinatal mental health counselor.", ["mental-health"], ["Hartford County"],
    {"postpartum": 2, "mental": 1, "counseling": 1, "pregnancy": 1})
for i, town in enumerate(["Hartford", "New Haven", "Bridgeport", "Norwich", "Danbury"]):
    add("aa", "ALCOHOLICS ANONYMOUS (AA) MEETINGS", f"AA Area Intergroup (fictional) - {town}",
        "Free peer support meetings for anyone who wants to stop drinking. Open and closed meetings daily; "
        "Spanish-speaking meetings available.", ["recovery"], [town], {"aa": 2, "recovery": 2, "alcohol": 2})
for town in ["Hartford", "Waterbury"]:
    add("na", "NARCOTICS ANONYMOUS (NA) MEETINGS", "NA Connecticut Region (fictional)",
        "Twelve-step meetings for people recovering from drug addiction. No dues or fees.",
        ["recovery"], [town], {"na": 2, "recovery": 2})
add("detox", "DETOX AND INPATIENT SUBSTANCE USE TREATMENT", "Blue Hills Recovery (fictional)",
    "Medically managed withdrawal (detox) from alcohol and opioids, followed by residential treatment. "
    "Accepts HUSKY. Call for bed availability.", ["recovery"], [], {"recovery": 2, "detox": 2, "alcohol": 1},
    statewide=True)
add("mat", "OUTPATIENT OPIOID TREATMENT - METHADONE AND SUBOXONE", "New Haven Recovery Clinic (fictional)",
    "Medication for opioid use disorder with counseling. Same-day intake.", ["recovery"], ["New Haven"],
    {"recovery": 2})

# ---- Child care and early learning -----------------------------------------------------
for town in ["Hartford", "New Haven", "Bridgeport", "Norwalk", "Waterbury", "Manchester", "Stamford", "Meriden",
             "Bristol", "Enfield"]:
    add("childcare", "CHILD CARE CENTER - INFANT, TODDLER AND PRESCHOOL", f"{town} YMCA Early Learning (fictional)",
        "Licensed full-day child care for children 6 weeks to 5 years. Daycare open 6:30am-6pm year round. "
        "Accepts Care 4 Kids subsidy. Meals included.", ["child-care"], [town], {"childcare": 2, "preschool": 1},
        ages=(0, 5), cost="Sliding scale; Care 4 Kids accepted",
        spanish=("Guardería infantil", "Cuidado de niños de 6 semanas a 5 años, todo el día."), languages=("en", "es"))
for town in ["Hartford", "Bridgeport"]:
    add("familycare", "FAMILY DAY CARE HOME NETWORK", f"{town} Family Child Care Network (fictional)",
        "Referrals to licensed home-based daycare providers in the neighborhood, including evening and weekend "
        "care.", ["child-care"], [town], {"childcare": 2}, ages=(0, 12))
add("c4k", "CARE 4 KIDS CHILD CARE SUBSIDY", "Office of Early Childhood (fictional contact center)",
    "Helps low-income working families pay for child care. Apply online; payments go directly to the "
    "child care provider.", ["child-care"], [], {"childcare": 2, "childcare-subsidy": 2}, statewide=True,
    languages=("en", "es"))
for town in ["Hartford", "New Haven", "Windham", "Norwich"]:
    add("headstart", "HEAD START AND EARLY HEAD START", f"{town} Community Action Agency (fictional)",
        "Free preschool for children 3 to 5 and Early Head Start for infants, toddlers and pregnant women. "
        "Includes meals, health and dental screenings, and family support.", ["child-care"], [town],
        {"headstart": 2, "preschool": 2, "childcare": 1}, ages=(0, 5))
for town in ["Hartford", "Bridgeport", "New Haven", "Waterbury", "Meriden", "New London"]:
    add("afterschool", "AFTER SCHOOL PROGRAM", f"Boys & Girls Club of {town} (fictional)",
        "Homework help, sports, arts and a snack for school-age children until 6pm. Summer camp.",
        ["child-care"], [town], {"afterschool": 2, "childcare": 1}, ages=(6, 14), cost="$25 per year")

# ---- Housing ---------------------------------------------------------------------------
for town in ["Hartford", "New Haven", "Bridgeport", "Waterbury", "Stamford", "Norwich", "Danbury"]:
    add("shelter", "EMERGENCY SHELTER FOR FAMILIES", f"{town} Shelter Alliance (fictional)",
        "Temporary emergency shelter for homeless families with children. Case management, housing search "
        "help. Access through the Coordinated Access Network: call 2-1-1.", ["housing"], [town],
        {"shelter": 2, "housing": 1}, languages=("en", "es"),
        spanish=("Refugio de emergencia para familias", "Refugio temporal para familias sin hogar."))
for town in ["Hartford", "New Haven"]:
    add("mensshelter", "OVERNIGHT SHELTER - SINGLE ADULTS", f"{town} Rescue Mission (fictional)",
        "Beds for single adults experiencing homelessness, dinner and breakfast. Check-in 6pm.",
        ["housing"], [town], {"shelter": 2})
for town in ["Hartford", "New Haven", "Bridgeport", "Waterbury", "Stamford"]:
    add("rent", "RENTAL ASSISTANCE AND EVICTION PREVENTION", f"{town} Housing Solutions (fictional)",
        "One-time help with back rent, security deposits and first month's rent for tenants facing eviction. "
        "Mediation with landlords.", ["housing"], [town], {"rent": 2, "housing": 1, "eviction": 2})
for town in ["Hartford", "New Haven", "Bridgeport", "Norwalk"]:
    add("hud", "SECTION 8 HOUSING CHOICE VOUCHER PROGRAM (HUD)", f"Housing Authority of the City of {town} (fictional)",
        "Federal HUD rental assistance: the voucher pays part of the rent to a private landlord. Waiting list "
        "opens periodically. Also public housing apartments.", ["housing"], [town],
        {"hud": 2, "housing": 2, "rent": 1})
add("eviction", "EVICTION DEFENSE - RIGHT TO COUNSEL", "Connecticut Tenant Legal Help (fictional)",
    "Free lawyers for tenants facing eviction in housing court. Call as soon as you receive a notice to quit.",
    ["housing", "legal"], [], {"eviction": 2, "legal": 1, "rent": 1}, statewide=True)

# ---- Utilities -------------------------------------------------------------------------
for town in ["Hartford", "New Haven", "Bridgeport", "Windham"]:
    add("liheap", "ENERGY ASSISTANCE PROGRAM (CEAP / LIHEAP)", f"{town} Community Action Agency (fictional)",
        "Connecticut Energy Assistance Program helps income-eligible households pay winter heating bills: "
        "oil, propane, electric and gas heat. Funded by the federal Low Income Home Energy Assistance Program. "
        "Apply November through May.", ["utilities"], [town], {"energy": 2}, languages=("en", "es"),
        spanish=("Asistencia de energía", "Ayuda para pagar la calefacción en invierno."))
add("fuel", "OPERATION FUEL - EMERGENCY ENERGY HELP", "Operation Warmth (fictional)",
    "Emergency grants toward electric, gas and fuel bills for households not eligible for other aid.",
    ["utilities"], [], {"energy": 2}, statewide=True)
add("utility", "UTILITY SHUTOFF PROTECTION AND PAYMENT PLANS", "CT Utility Consumer Help (fictional)",
    "Information on winter protection from electric shutoff, hardship status and matching payment plans.",
    ["utilities"], [], {"energy": 1, "utility": 2}, statewide=True)

# ---- Adult education and jobs ----------------------------------------------------------
for town in ["Hartford", "New Haven", "Bridgeport", "Stamford", "Danbury", "Norwalk", "New Britain"]:
    add("esl", "ESL CLASSES - ENGLISH AS A SECOND LANGUAGE", f"{town} Adult Education (fictional)",
        "Free English classes for adults at beginner, intermediate and advanced levels. Morning and evening "
        "sessions. Citizenship preparation also offered.", ["education"], [town],
        {"esl": 2, "citizenship": 1}, languages=("en", "es", "pt"),
        spanish=("Clases de inglés gratis", "Clases de inglés para adultos, de día y de noche."))
add("esl", "CLASES DE INGLES PARA PADRES", "Centro Latino (fictional)",
    "Clases de inglés para padres de familia mientras los niños juegan. Cuidado de niños gratis durante la clase.",
    ["education"], ["Meriden"], {"esl": 2}, languages=("es",))
for town in ["Hartford", "Waterbury", "New Britain"]:
    add("ged", "GED PREPARATION AND HIGH SCHOOL EQUIVALENCY", f"{town} Adult Learning Center (fictional)",
        "Classes to prepare for the GED test or the National External Diploma Program; earn a high school "
        "diploma. Free for Connecticut residents 17 and older.", ["education"], [town], {"ged": 2},
        ages=(17, 120))
for town in ["Hartford", "Bridgeport", "New Haven", "Waterbury", "Norwich"]:
    add("jobs", "JOB TRAINING AND EMPLOYMENT SERVICES", f"American Job Center - {town} (fictional)",
        "Career counseling, resume help, job search workshops and paid training in healthcare, manufacturing "
        "and IT. Help finding a job.", ["education"], [town], {"jobs": 2})
add("foodjob", "CULINARY JOB TRAINING - FOOD SERVICE CAREERS", "Kitchen Works (fictional)",
    "Twelve-week training for restaurant and food service jobs, with job placement.", ["education"],
    ["Hartford"], {"jobs": 2})
for town in ["Hartford", "Bridgeport"]:
    add("vita", "FREE TAX PREPARATION (VITA)", f"United Way of {town} (fictional)",
        "IRS-certified volunteers prepare and e-file tax returns for free for households earning under $67,000. "
        "Claim the Earned Income Tax Credit.", ["family-support"], [town], {"tax": 2})

# ---- Legal and immigration -------------------------------------------------------------
for town in ["Hartford", "New Haven", "Bridgeport", "Danbury"]:
    add("immig", "IMMIGRATION LEGAL SERVICES", f"Immigrant Welcome Center of {town} (fictional)",
        "Low-cost legal help with immigration: green cards, citizenship, DACA renewals, asylum, family "
        "petitions. DOJ-accredited representatives. Consultas en español.", ["legal"], [town],
        {"immigration": 2, "legal": 1, "citizenship": 1}, languages=("en", "es"),
        spanish=("Servicios legales de inmigración", "Ayuda legal con inmigración, ciudadanía y DACA."), cost="Low cost")
add("refugee", "REFUGEE RESETTLEMENT", "Integrated Refugee Services (fictional)",
    "Helps refugee and immigrant families settle: housing, English, jobs, school enrollment.",
    ["legal"], ["New Haven"], {"immigration": 2, "esl": 1})
for town in ["Hartford", "New Haven"]:
    add("legalaid", "FREE LEGAL AID - CIVIL LEGAL HELP", f"{town} Legal Aid Society (fictional)",
        "Free lawyers for low-income people with civil cases: housing, benefits, family law, custody, "
        "consumer debt.", ["legal"], [town], {"legal": 2, "eviction": 1})

# ---- Family support, DCF, safety --------------------------------------------------------
add("dcf", "DCF CARELINE - REPORT CHILD ABUSE OR NEGLECT", "Department of Children and Families (DCF) (fictional contact)",
    "Call 24 hours a day to report suspected child abuse or neglect. Anyone can call; mandated reporters must.",
    ["safety"], [], {"dcf": 2, "abuse": 2}, statewide=True)
add("dcf", "DCF FOSTER CARE AND ADOPTION", "Department of Children and Families (DCF) (fictional contact)",
    "Become a foster or adoptive parent; training, licensing and support for foster families.",
    ["family-support"], [], {"dcf": 2, "foster": 2}, statewide=True)
add("dcf", "DCF VOLUNTARY SERVICES FOR CHILDREN WITH BEHAVIORAL HEALTH NEEDS",
    "Department of Children and Families (DCF) (fictional contact)",
    "Families can ask DCF for behavioral health services for a child without an abuse or neglect case.",
    ["mental-health"], [], {"dcf": 2, "mental": 1}, statewide=True)
for town in ["Hartford", "New Haven", "Bridgeport"]:
    add("dv", "DOMESTIC VIOLENCE SHELTER AND HOTLINE", f"Safe Haven of {town} (fictional)",
        "24-hour hotline, safe confidential shelter, safety planning, court advocacy and support groups for "
        "victims of domestic violence and their children.", ["safety"], [town],
        {"dv": 2, "abuse": 1, "shelter": 1}, languages=("en", "es"),
        spanish=("Violencia doméstica: refugio y línea de ayuda", "Línea de ayuda 24 horas y refugio seguro."))
for town in ["Hartford", "Waterbury"]:
    add("homevisit", "NURTURING FAMILIES HOME VISITING", f"{town} Hospital Family Programs (fictional)",
        "A home visitor supports first-time parents from pregnancy until the child turns 3: parenting tips, "
        "child development, connections to services.", ["family-support"], [town],
        {"homevisit": 2, "parenting": 1, "pregnancy": 1}, ages=(0, 3))
for town in ["Hartford", "New Haven", "Norwich", "Bristol", "Torrington"]:
    add("parenting", "PARENTING CLASSES", f"Family Resource Center - {town} (fictional)",
        "Free parenting education groups, playgroups and father involvement programs. Certificates for court.",
        ["family-support"], [town], {"parenting": 2, "fathers": 1})
for town in ["Hartford", "Bridgeport"]:
    add("diaper", "DIAPER BANK DISTRIBUTION", f"The Diaper Bank of {town} (fictional)",
        "Free diapers and wipes for babies and toddlers through partner agencies, once a month.",
        ["goods"], [town], {"diapers": 2}, ages=(0, 4))
for town in ["Hartford", "New Haven"]:
    add("clothes", "CLOTHING CLOSET", f"St. Vincent de Paul Society (fictional) - {town}",
        "Free clothing, coats and shoes for children and adults. Winter coat drive in November.",
        ["goods"], [town], {"clothing": 2})
for town in ["Hartford", "New Haven"]:
    add("carseat", "CAR SEAT INSPECTION AND FREE CAR SEATS", f"Safe Kids {town} (fictional)",
        "Certified technicians check and install car seats; free car seats and booster seats for families "
        "who qualify.", ["safety"], [town], {"carseat": 2})
add("fathers", "FATHERHOOD INITIATIVE", "Dads Matter CT (fictional)",
    "Support groups and job help for fathers; co-parenting classes.", ["family-support"], ["Hartford County"],
    {"fathers": 2, "parenting": 1})

# ---- Transportation and older adults ---------------------------------------------------
for town in ["Hartford", "New Haven"]:
    add("rides", "NON-EMERGENCY MEDICAL TRANSPORTATION (HUSKY RIDES)", "Medical Ride Line (fictional)",
        "Free rides to medical and dental appointments for HUSKY members. Book 2 business days ahead.",
        ["transportation"], [f"{town} County"], {"rides": 2})
add("buspass", "REDUCED FARE BUS PASSES", "CTtransit Customer Service (fictional)",
    "Half-fare bus passes for seniors and people with disabilities.", ["transportation"], [],
    {"rides": 1, "buspass": 2}, statewide=True)
add("seniorride", "DIAL-A-RIDE FOR SENIORS", "Greater Hartford Transit District (fictional)",
    "Door-to-door van rides for seniors 60+ to shopping and appointments.", ["transportation", "older-adults"],
    ["Hartford County"], {"rides": 2, "seniors": 1}, ages=(60, 120))
for town in ["Hartford", "Stamford", "Bristol", "Vernon", "West Haven"]:
    add("seniorctr", "SENIOR CENTER", f"{town} Senior Services (fictional)",
        "Activities, lunch, health clinics and benefits counseling for adults 60 and older. Food for the "
        "monthly potluck is provided. The front desk sells postage stamps and bus tokens.",
        ["older-adults"], [town], {"seniors": 2, "senior-meals": 1}, ages=(60, 120))

# ---- Reading and libraries -------------------------------------------------------------
for town in ["Hartford", "New Haven", "Bridgeport", "Stamford", "Norwich", "Manchester"]:
    add("library", "STORY TIME AT THE LIBRARY", f"{town} Public Library (fictional)",
        "Stories, songs and rhymes for babies, toddlers and preschoolers. Free library cards.",
        ["child-care"], [town], {"reading": 2}, ages=(0, 5))
add("literacy", "ADULT LITERACY TUTORING", "Literacy Volunteers of Connecticut (fictional)",
    "One-to-one volunteer tutors help adults learn to read and write, and English learners practice.",
    ["education"], ["Hartford County"], {"reading": 1, "esl": 1, "literacy": 2})

# ---- Other services a 2-1-1 lists: they answer none of the queries directly ------------
OTHERS = [
    ("toys", "HOLIDAY TOY DRIVE", "Marine Toys for Tots (fictional)", "Toys for children of families in need at the holidays; register in October.", "goods", "Hartford County", "holiday"),
    ("furniture", "FURNITURE BANK", "Home Again Furniture Bank (fictional)", "Gently used beds, tables and dressers for families moving out of shelter; referral from a case manager.", "housing", "Hartford County", "furniture"),
    ("hospice", "HOSPICE AND PALLIATIVE CARE", "Connecticut Hospice Care (fictional)", "Comfort care at home for people with a terminal illness, and bereavement support for families.", "health", None, "hospice"),
    ("grandparents", "GRANDPARENTS RAISING GRANDCHILDREN SUPPORT GROUP", "Kinship Care Network (fictional)", "Monthly support group and kinship navigator for grandparents and relatives raising children.", "family-support", "New Haven County", "kinship"),
    ("autism", "AUTISM SPECTRUM DISORDER EVALUATIONS", "Children's Developmental Center (fictional)", "Diagnostic evaluations for autism (ASD) and developmental delays, with parent coaching.", "health", "Hartford", "autism"),
    ("birth23", "BIRTH TO THREE EARLY INTERVENTION", "Birth to Three System (fictional referral line)", "Early intervention services at home for infants and toddlers with developmental delays: speech, physical and occupational therapy.", "child-care", None, "early-intervention"),
    ("bereave", "GRIEF SUPPORT FOR CHILDREN", "Healing Hearts Center (fictional)", "Peer support groups for children and teens who lost a parent or sibling.", "mental-health", "Fairfield County", "grief"),
    ("cash", "TEMPORARY FAMILY ASSISTANCE (TFA) CASH BENEFITS", "Department of Social Services (DSS) - fictional office", "Monthly cash assistance for low-income families with children, with employment services. Apply with DSS.", "family-support", None, "cash"),
    ("phone", "LIFELINE FREE CELL PHONE SERVICE", "Connect CT (fictional)", "Free or discounted phone and internet service for households on SNAP, Medicaid or SSI.", "utilities", None, "phone"),
    ("internet", "LOW COST INTERNET FOR FAMILIES", "Digital Equity CT (fictional)", "Affordable home internet and free laptops for students' families.", "utilities", None, "internet"),
    ("water", "WATER BILL ASSISTANCE", "Metropolitan Water Help Fund (fictional)", "Grants toward overdue water and sewer bills for residents of the district.", "utilities", "Hartford County", "utility"),
    ("teen", "TEEN PREGNANCY PREVENTION AND YOUTH DEVELOPMENT", "Youth Forward (fictional)", "After-school workshops on healthy relationships, goal setting and sexual health for teens.", "family-support", "Hartford", "youth"),
    ("mentor", "YOUTH MENTORING - BIG BROTHERS BIG SISTERS", "Mentor CT (fictional)", "One-to-one mentors for children ages 6 to 18.", "family-support", "New Haven County", "mentoring"),
    ("vet", "VETERANS SERVICES OFFICE", "Veterans Support Center (fictional)", "Help with VA benefits, housing for homeless veterans, and peer support.", "legal", None, "veterans"),
    ("disab", "DISABILITY RIGHTS ADVOCACY", "Disability Rights CT (fictional)", "Advocacy for people with disabilities: special education, accessible housing, benefits.", "legal", None, "disability"),
    ("sped", "SPECIAL EDUCATION PARENT ADVOCACY", "Parent Advocacy Center (fictional)", "Helps parents understand IEPs and 504 plans and attend PPT meetings.", "family-support", None, "special-education"),
    ("swim", "LEARN TO SWIM LESSONS", "City Parks and Recreation (fictional)", "Free swim lessons for children at city pools in summer.", "child-care", "Bridgeport", "recreation"),
    ("citizen", "CITIZENSHIP CLASSES", "New Americans Learning Center (fictional)", "Prepare for the U.S. citizenship test and interview; help with form N-400.", "education", "Hartford", "citizenship"),
    ("mediation", "FAMILY MEDIATION SERVICES", "Family Court Services (fictional)", "Mediation for parenting plans, custody and visitation.", "legal", None, "custody"),
    ("smoking", "QUIT SMOKING HELPLINE", "Quitline CT (fictional)", "Free coaching and nicotine patches to help you quit smoking or vaping.", "health", None, "smoking"),
    ("hiv", "HIV TESTING AND PREP", "Community Health Outreach (fictional)", "Free, confidential HIV and STI testing; PrEP navigation.", "health", "New Haven", "hiv"),
    ("asthma", "ASTHMA HOME VISITS FOR CHILDREN", "Breathe Easy CT (fictional)", "Nurses visit homes to teach asthma care and remove triggers.", "health", "Hartford", "asthma"),
    ("caregiver", "CAREGIVER RESPITE PROGRAM", "Area Agency on Aging (fictional)", "Short breaks for family caregivers of older adults with dementia.", "older-adults", None, "respite"),
    ("fraud", "SENIOR SCAM PREVENTION", "Elder Justice Coalition (fictional)", "Workshops on avoiding phone and internet scams; report fraud.", "older-adults", None, "scams"),
]
for key, name, org, description, need, where, topic in OTHERS:
    add(key, name, org, description, [need], [where] if where else [], {topic: 2}, statewide=where is None)

# ---- Distractors: names that look like queries but are not the service -----------------
add("snapper", "SNAPPER CREEK ELEMENTARY - BEFORE AND AFTER SCHOOL CARE", "Snapper Creek Elementary School PTO (fictional)",
    "Supervised before and after school care for enrolled students; games, crafts and homework time.",
    ["child-care"], ["Hartford"], {"afterschool": 2})
add("snapper", "SNAPPER CREEK ELEMENTARY SUMMER CAMP", "Snapper Creek Elementary School PTO (fictional)",
    "Six-week summer day camp with swimming and field trips.", ["child-care"], ["Hartford"], {"camp": 2})
add("snapchat", "SNAPCHAT AND SOCIAL MEDIA SAFETY FOR TEENS", "Teen Safety Alliance (fictional)",
    "Workshops for teens and parents on online safety, cyberbullying and sexting.", ["safety"], ["Hartford County"],
    {"online-safety": 2}, ages=(12, 18))
add("dentalst", "DENTAL STREET COMMUNITY CENTER - YOUTH BASKETBALL", "Dental Street Community Center (fictional)",
    "Open gym, youth basketball league and teen nights at the community center on Dental Street.",
    ["child-care"], ["New Britain"], {"recreation": 2}, ages=(8, 18))
add("wickham", "WICKHAM PARK NATURE PROGRAMS", "Wickham Park Association (fictional)",
    "Guided nature walks and outdoor programs for families in Wickham Park.", ["family-support"], ["Manchester"],
    {"recreation": 2})
add("hudson", "HUDSON STREET SENIOR APARTMENTS", "Hudson Street Housing Corp. (fictional)",
    "Affordable apartments for seniors 62 and older; waiting list.", ["housing"], ["Hartford"],
    {"senior-housing": 2, "housing": 1}, ages=(62, 120))
add("goodsh", "GOOD SHEPHERD YOUTH CHOIR", "Good Shepherd Church (fictional)",
    "Choir and music lessons for children; rehearsals Thursday evenings.", ["child-care"], ["Hartford"],
    {"recreation": 2}, ages=(7, 14))
add("mental", "MENTAL MATH TUTORING CLUB", "Hartford Math Circle (fictional)",
    "After-school math games and tutoring for grades 3-8.", ["child-care"], ["Hartford"], {"tutoring": 2}, ages=(8, 14))
add("shelterdog", "ANIMAL SHELTER - PET ADOPTION", "Hartford Humane Society (fictional)",
    "Adopt a dog or cat; low-cost spay and neuter clinic.", ["family-support"], ["Hartford"], {"pets": 2})
add("foodsafety", "FOOD SAFETY CERTIFICATION COURSE", "Restaurant Training Institute (fictional)",
    "ServSafe food handler and food protection manager courses for restaurant workers.", ["education"],
    ["New Haven"], {"jobs": 1}, cost="$150")
add("stamps", "STAMP COLLECTING CLUB", "Hartford Philatelic Society (fictional)",
    "Monthly meetings for stamp collectors of all ages; free stamps for young collectors.", ["family-support"],
    ["Hartford"], {"recreation": 2})
add("gedney", "GEDNEY FARM CSA SHARES", "Gedney Farm (fictional)",
    "Weekly vegetable shares from a local farm; pick up Saturdays.", ["food"], ["Windham"], {"farm": 2},
    cost="$400 per season")
add("aamovers", "AA MOVERS - LOW COST MOVING HELP", "AA Movers Cooperative (fictional)",
    "Low-cost moving help for families relocating; trucks and volunteer labor.", ["housing"], ["Hartford County"],
    {"moving": 2}, cost="Low cost")
add("fuelcell", "FUEL CELL TECHNICIAN APPRENTICESHIP", "Clean Energy Careers (fictional)",
    "Paid apprenticeship for adults interested in energy careers.", ["education"], ["Hartford County"],
    {"jobs": 2})

# ---- Queries ---------------------------------------------------------------------------
# (query, kind, {topic: grade}, town or None)
Q = [
    ("food", "need", {"pantry": 2, "meals": 2, "food": 1, "snap": 1, "wic": 1, "senior-meals": 1}, None),
    ("food pantry", "need", {"pantry": 2, "meals": 1}, None),
    ("groceries", "need", {"pantry": 2, "food": 1}, None),
    ("soup kitchen", "need", {"meals": 2, "pantry": 1}, None),
    ("hot meals", "need", {"meals": 2, "senior-meals": 1, "pantry": 1}, None),
    ("dentist", "need", {"dental": 2}, None),
    ("dental", "need", {"dental": 2}, None),
    ("toothache", "need", {"dental": 2}, None),
    ("daycare", "need", {"childcare": 2, "preschool": 1, "headstart": 1}, None),
    ("child care", "phrase", {"childcare": 2, "childcare-subsidy": 2, "preschool": 1, "headstart": 1}, None),
    ("preschool", "need", {"preschool": 2, "headstart": 2, "childcare": 1}, None),
    ("shelter", "need", {"shelter": 2, "dv": 1}, None),
    ("homeless", "need", {"shelter": 2, "housing": 1}, None),
    ("rent help", "need", {"rent": 2, "hud": 1, "eviction": 1}, None),
    ("eviction", "need", {"eviction": 2, "rent": 1}, None),
    ("counseling", "need", {"counseling": 2, "mental": 1}, None),
    ("therapist", "need", {"counseling": 2, "mental": 1}, None),
    ("diapers", "need", {"diapers": 2}, None),
    ("winter coats", "need", {"clothing": 2}, None),
    ("car seat", "phrase", {"carseat": 2}, None),
    ("job training", "phrase", {"jobs": 2}, None),
    ("lawyer", "need", {"legal": 2, "eviction": 1, "immigration": 1}, None),
    ("rides to doctor", "need", {"rides": 2}, None),
    ("heating bill", "need", {"energy": 2, "utility": 1}, None),
    ("tax help", "need", {"tax": 2}, None),
    ("health insurance", "phrase", {"insurance": 2}, None),
    ("doctor", "need", {"medical": 2, "pregnancy": 1}, None),
    ("vaccines", "need", {"vaccines": 2}, None),
    ("glasses", "need", {"vision": 2}, None),
    ("lead paint", "need", {"lead": 2}, None),
    ("parenting classes", "phrase", {"parenting": 2, "fathers": 1}, None),
    ("home visiting", "phrase", {"homevisit": 2}, None),
    ("postpartum depression", "phrase", {"postpartum": 2, "mental": 1}, None),
    ("detox", "need", {"detox": 2, "recovery": 1}, None),
    ("senior meals", "need", {"senior-meals": 2, "meals": 1}, None),
    ("after school", "phrase", {"afterschool": 2}, None),
    ("story time", "phrase", {"reading": 2}, None),
    ("foster care", "phrase", {"foster": 2}, None),
    ("crisis", "need", {"crisis": 2, "dv": 1}, None),
    # misspellings
    ("dentsit", "misspelling", {"dental": 2}, None),
    ("fod pantry", "misspelling", {"pantry": 2, "meals": 1}, None),
    ("chilcare", "misspelling", {"childcare": 2, "preschool": 1, "headstart": 1}, None),
    ("councelling", "misspelling", {"counseling": 2, "mental": 1}, None),
    ("imigration", "misspelling", {"immigration": 2, "citizenship": 1}, None),
    ("sheltr", "misspelling", {"shelter": 2, "dv": 1}, None),
    ("diapres", "misspelling", {"diapers": 2}, None),
    ("vacines", "misspelling", {"vaccines": 2}, None),
    ("mentl health", "misspelling", {"mental": 2, "counseling": 1, "crisis": 1, "postpartum": 1}, None),
    ("englsh classes", "misspelling", {"esl": 2, "literacy": 1}, None),
    ("eviktion", "misspelling", {"eviction": 2, "rent": 1}, None),
    # Spanish
    ("comida", "Spanish", {"pantry": 2, "meals": 2, "food": 1, "snap": 1, "wic": 1, "senior-meals": 1}, None),
    ("guarderia", "Spanish", {"childcare": 2, "preschool": 1, "headstart": 1}, None),
    ("inmigracion", "Spanish", {"immigration": 2, "citizenship": 1}, None),
    ("vivienda", "Spanish", {"housing": 2, "shelter": 1, "rent": 1, "hud": 1}, None),
    ("dentista", "Spanish", {"dental": 2}, None),
    ("ropa", "Spanish", {"clothing": 2}, None),
    ("panales", "Spanish", {"diapers": 2}, None),
    ("clases de ingles", "Spanish", {"esl": 2}, None),
    ("ayuda legal", "Spanish", {"legal": 2, "immigration": 1, "eviction": 1}, None),
    ("salud mental", "Spanish", {"mental": 2, "counseling": 1, "crisis": 1}, None),
    ("trabajo", "Spanish", {"jobs": 2}, None),
    ("embarazada", "Spanish", {"pregnancy": 2, "wic": 1, "homevisit": 1}, None),
    # phrases
    ("food stamps", "phrase", {"snap": 2, "food": 1}, None),
    ("mental health", "phrase", {"mental": 2, "counseling": 1, "crisis": 1, "postpartum": 1}, None),
    ("domestic violence", "phrase", {"dv": 2}, None),
    ("english classes", "phrase", {"esl": 2, "literacy": 1}, None),
    ("section 8", "phrase", {"hud": 2}, None),
    ("energy assistance", "phrase", {"energy": 2, "utility": 1}, None),
    ("women infants and children", "phrase", {"wic": 2}, None),
    ("high school diploma", "phrase", {"ged": 2}, None),
    # program names
    ("meals on wheels", "name", {"senior-meals": 2}, None),
    ("care 4 kids", "name", {"childcare-subsidy": 2, "childcare": 1}, None),
    ("head start", "name", {"headstart": 2, "preschool": 1}, None),
    ("operation fuel", "name", {"energy": 2}, None),
    ("nurturing families", "name", {"homevisit": 2}, None),
    ("husky", "name", {"insurance": 2, "rides": 1}, None),
    # abbreviations
    ("wic", "abbreviation", {"wic": 2}, None),
    ("snap", "abbreviation", {"snap": 2, "food": 1}, None),
    ("liheap", "abbreviation", {"energy": 2}, None),
    ("esl", "abbreviation", {"esl": 2}, None),
    ("ged", "abbreviation", {"ged": 2}, None),
    ("hud", "abbreviation", {"hud": 2}, None),
    ("dcf", "abbreviation", {"dcf": 2}, None),
    ("aa", "abbreviation", {"aa": 2, "recovery": 1}, None),
    ("na meetings", "abbreviation", {"na": 2, "recovery": 1}, None),
    # a town in the words
    ("food hartford", "town", {"pantry": 2, "meals": 2, "food": 1, "snap": 1, "wic": 1, "senior-meals": 1}, "Hartford"),
    ("dentist new haven", "town", {"dental": 2}, "New Haven"),
    ("shelter bridgeport", "town", {"shelter": 2, "dv": 1}, "Bridgeport"),
    ("wic waterbury", "town", {"wic": 2}, "Waterbury"),
    ("daycare norwalk", "town", {"childcare": 2, "preschool": 1}, "Norwalk"),
    ("esl stamford", "town", {"esl": 2}, "Stamford"),
    ("counseling meriden", "town", {"counseling": 2, "mental": 1}, "Meriden"),
]


def grade(pid, wanted, town):
    program = next(p for p in programs if p["id"] == pid)
    best = 0
    for topic, g in wanted.items():
        strength = topics_of[pid].get(topic, 0)
        if strength:
            best = max(best, g if strength == 2 else min(g, 1))
    if best and town:
        listed = program.get("towns", [])
        if town not in listed:
            serves = program.get("statewide") or COUNTY.get(town) in listed
            best = min(best, 1) if serves else 0
    return best


def main():
    catalogue = {
        "version": 1,
        "title": "Relevance test catalogue (fictional programs in a 2-1-1 export's style)",
        "needs": [{"id": i, "label": l, "labels": {"es": s}} for i, l, s in NEEDS],
        "programs": programs,
    }
    judged = []
    for text, kind, wanted, town in Q:
        relevant = {p["id"]: g for p in programs if (g := grade(p["id"], wanted, town))}
        assert relevant, text
        judged.append({"query": text, "kind": kind, "relevant": relevant})
    with open(os.path.join(HERE, "catalogue.json"), "w", encoding="utf-8") as f:
        json.dump(catalogue, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, "judgments.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(j, ensure_ascii=False) for j in judged) + "\n]\n")
    print(f"{len(programs)} programs, {len(judged)} queries")


main()

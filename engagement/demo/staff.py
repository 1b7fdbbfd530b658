"""Demo staff hub content: evergreen answers, three departments' top 10s, the seasonal staff
list and the "Snacks & Service" training library.

From ``shared/seeds/customer-service-workgroup-presentation.txt`` (the workgroup, its
"evergreen" information, top 10 topics, staff list and presentations; the Public Works
Dale Street Garage and Parks' Como Zoo sessions) and the demo directory's contact points.
Names of people, schedules and details not in those sources are invented and say "demo".
"""

HUB = {
    "slug": "staff",
    "title": "Staff hub",
    "intro": (
        "Evergreen answers for frontline staff, each department's top 10 customer-service "
        "topics, who answers for each department this season, and past Snacks & Service "
        "presentations."
    ),
}

# The page that used to sit at /about/staff-guide/, kept as it was.
STAFF_GUIDE = {
    "slug": "staff-guide",
    "title": "Staff guide: routing resident requests",
    "intro": "Evergreen guidance for frontline staff who answer residents' questions.",
    "body": [
        ("heading", "Route every request to one place"),
        (
            "paragraph",
            "<p>Log the request with the City information and complaint line and give the "
            "resident the request number. Do not forward it to a personal email address.</p>",
        ),
        ("contact", "City information and complaint line"),
    ],
}

LINE = "City information and complaint line"

# slug, question, short answer, full answer, departments, contact points, service topics,
# days since the last review (over 91: due for review)
GUIDANCE = [
    (
        "missed-trash-pickup",
        "Why wasn't my trash picked up?",
        "Check that it is the household's collection day and the cart was out by 6 a.m.; "
        "if so, log a missed pickup for the hauler.",
        "<p>Garbage is collected by the city's contracted haulers. Ask for the address, log a "
        "missed pickup and give the request number. Demo detail: haulers have one working day "
        "to come back.</p>",
        ["public-works"],
        ["Solid waste and recycling"],
        ["missed-trash"],
        20,
    ),
    (
        "pothole-report",
        "There is a pothole on my street. Who fixes it?",
        "City streets: Public Works, through a request. Highways: the state, not the city.",
        "<p>Ask for the nearest address or cross street and log the request. If the street is "
        "a state highway (for example I-94 or Highway 5), give the state's contact instead.</p>",
        ["public-works"],
        ["Street maintenance desk", LINE],
        ["pothole", "highway-pothole"],
        30,
    ),
    (
        "snow-emergency-towing",
        "My car was towed during a snow emergency. What do I do?",
        "Tell them where the city's impound lot is and that the tow and storage fees are paid "
        "there; staff cannot waive them.",
        "<p>Snow emergency rules are announced the day before. Residents can sign up for "
        "alerts. Demo detail: the impound lot is open every day during a snow emergency.</p>",
        ["public-works"],
        ["Snow emergency dispatch (staff only)", LINE],
        ["snow-on-sidewalk"],
        140,
    ),
    (
        "rental-repairs",
        "My landlord will not fix the heat. Can the city help?",
        "Yes: Safety and Inspections takes housing complaints. No heat in winter is urgent.",
        "<p>Log a housing complaint with the unit's address. Residents do not need to give "
        "their name to the landlord. For no heat between October and April, use the "
        "inspector escalation line.</p>",
        ["safety-inspections"],
        [LINE, "Inspector escalation line (staff only)"],
        ["rental-problem"],
        45,
    ),
    (
        "vacant-building",
        "The house next door is empty and open. Who do I call?",
        "Safety and Inspections registers and secures vacant buildings.",
        "<p>Log a complaint with the address. If people are inside and it is unsafe now, the "
        "resident should call 911.</p>",
        ["safety-inspections"],
        [LINE],
        ["vacant-building"],
        200,
    ),
    (
        "tall-grass",
        "The neighbor's grass is knee high. What can the city do?",
        "Log an exterior nuisance complaint; an inspector orders the owner to cut it.",
        "<p>Grass and weeds over eight inches are a nuisance under city code. The inspector "
        "sends the owner an order; if nothing is done, the city cuts it and bills the owner.</p>",
        ["safety-inspections"],
        [LINE],
        ["tall-grass"],
        60,
    ),
    (
        "park-shelter-reservation",
        "How do I reserve a park picnic shelter?",
        "Parks and Recreation takes reservations; send the resident to its front desk.",
        "<p>Shelters are reserved by the day. Demo detail: reservations open on the first "
        "business day of the year.</p>",
        ["parks-recreation"],
        ["Parks and Recreation front desk"],
        ["park-maintenance"],
        10,
    ),
    (
        "boulevard-tree",
        "A branch from the boulevard tree fell on my car. Who pays?",
        "Log the tree problem with Forestry now; damage claims go to the city's risk "
        "management, not to Parks.",
        "<p>Boulevard trees are the city's. Log a request so Forestry removes the hazard. "
        "Demo detail: give the resident the claim form from the city's website.</p>",
        ["parks-recreation"],
        ["Parks and Recreation front desk"],
        ["boulevard-tree"],
        120,
    ),
    (
        "talk-to-council-member",
        "How do I talk to my council member?",
        "Find the ward from the address and give the City Council office's number.",
        "<p>Each of the seven wards has a council member and an office. Residents may also "
        "testify at public hearings.</p>",
        ["city-council"],
        ["City Council Office"],
        [],
        15,
    ),
    (
        "discrimination-complaint",
        "I was treated unfairly because of my race. Where can I complain?",
        "Human Rights and Equal Economic Opportunity takes discrimination complaints.",
        "<p>Give the intake number. An interpreter is available by phone. Do not ask for "
        "details of the complaint yourself.</p>",
        ["human-rights"],
        ["Discrimination complaints intake"],
        [],
        100,
    ),
    (
        "zoning-question",
        "Can I run a business from my home?",
        "Often yes, with limits: the zoning information line answers for the address.",
        "<p>Home occupations are allowed in residential zones with limits on signs, "
        "employees and visits. The answer depends on the address's zoning district.</p>",
        ["planning-economic-development"],
        ["Zoning information line"],
        ["building-permit"],
        25,
    ),
    (
        "request-status",
        "I reported this weeks ago. What happened?",
        "Look up the request number; if the resident has none, search by address before "
        "making a new one.",
        "<p>Every request has a number. Residents can check it themselves with Track a "
        "request on the services page. Do not close a duplicate without telling them.</p>",
        ["safety-inspections", "public-works"],
        [LINE],
        [],
        5,
    ),
]

# department slug, title, days since the last review, topics: (title, guidance slug or
# "topic:<service topic slug>")
TOP_TOPICS = [
    (
        "public-works",
        "Top 10 topics: Public Works",
        10,
        [
            ("Missed trash or recycling pickup", "missed-trash-pickup"),
            ("Potholes and street repair", "pothole-report"),
            ("Snow emergency towing", "snow-emergency-towing"),
            ("Sidewalk repair", "topic:sidewalk-repair"),
            ("Streetlight out", "topic:streetlight-out"),
            ("Snow and ice on sidewalks", "topic:snow-on-sidewalk"),
            ("Illegal dumping", "topic:illegal-dumping"),
            ("Sewer backup", "topic:sewer-backup"),
            ("Hazardous waste drop-off", "topic:hazardous-waste"),
            ("Checking on a request", "request-status"),
        ],
    ),
    (
        "parks-recreation",
        "Top 10 topics: Parks and Recreation",
        130,
        [
            ("Reserving a picnic shelter", "park-shelter-reservation"),
            ("Boulevard trees and fallen branches", "boulevard-tree"),
            ("Park maintenance", "topic:park-maintenance"),
            ("Recreation center programs (demo)", ""),
            ("Como Park Zoo and Conservatory visits (demo)", ""),
        ],
    ),
    (
        "safety-inspections",
        "Top 10 topics: Safety and Inspections",
        40,
        [
            ("Rental repairs and no heat", "rental-repairs"),
            ("Vacant and open buildings", "vacant-building"),
            ("Tall grass and weeds", "tall-grass"),
            ("Work without a permit", "topic:work-without-permit"),
            ("Building permits", "topic:building-permit"),
            ("Barking dogs", "topic:barking-dog"),
            ("Animals at large", "topic:animal-at-large"),
            ("Graffiti", "topic:graffiti"),
            ("Noise", "topic:noise"),
            ("Checking on a request", "request-status"),
        ],
    ),
]

STAFF_LIST = {
    "slug": "customer-service-staff",
    "title": "Customer-service staff list",
    "intro": "Who answers residents for each department this season, and how to reach them.",
    "days_since_review": 100,  # a season ago: due for its check
    "entries": [
        {
            "department": "city-council",
            "people": "Jenna McCullough, City Council Executive Assistant (Ward 6)",
            "phone": "651-266-8660",
            "languages": "English",
            "hours": "Weekdays (demo)",
        },
        {
            "department": "public-works",
            "people": "Susan Young, Manager, Resident & Employee Services",
            "phone": "651-266-6144",
            "languages": "English",
            "hours": "Weekdays (demo)",
        },
        {
            "department": "safety-inspections",
            "people": "Information and complaint line staff",
            "phone": "651-266-8989",
            "languages": "English, Spanish, Hmong, Somali, Karen (interpreter by phone)",
            "hours": "Weekdays",
        },
        {
            "department": "parks-recreation",
            "people": "Front desk team (demo)",
            "phone": "651-555-0120",
            "languages": "English, Spanish, Hmong (demo)",
            "hours": "Weekdays and Saturdays (demo)",
        },
        {
            "department": "library",
            "people": "Ask-a-Librarian team (demo)",
            "phone": "651-555-0140",
            "languages": "English, Spanish, Hmong, Somali, Karen (demo)",
            "hours": "Every day (demo)",
        },
    ],
}

LIBRARY = {
    "slug": "training-library",
    "title": "Snacks & Service training library",
    "intro": (
        "Past Snacks & Service presentations: one department, one hour of presentation, one "
        "hour of tour, for frontline staff across the city."
    ),
    "collection": "Snacks & Service presentations",
}

PRESENTATIONS = [
    (
        "Snacks & Service: Public Works at the Dale Street Garage",
        [
            "Snacks & Service: Public Works (demo slides)",
            "Dale Street Garage tour. Top 10 topics: trash pickup, potholes, snow emergencies.",
            "Evergreen answer: route every street request through the information line.",
        ],
    ),
    (
        "Snacks & Service: Parks and Recreation at Como Park Zoo",
        [
            "Snacks & Service: Parks and Recreation (demo slides)",
            "Como Park Zoo and Conservatory tour. Shelter reservations, boulevard trees.",
            "Forestry answers fallen branches; claims go to risk management.",
        ],
    ),
    (
        "Snacks & Service: Safety and Inspections",
        [
            "Snacks & Service: Safety and Inspections (demo slides)",
            "Housing complaints, vacant buildings, tall grass: the inspector's escalation line.",
            "No heat between October and April is urgent.",
        ],
    ),
]

SPANISH = {
    HUB["title"]: "Centro para el personal",
    HUB["intro"]: (
        "Respuestas permanentes para el personal de atención al público, los 10 temas "
        "principales de cada departamento, quién atiende en cada departamento esta temporada "
        "y presentaciones anteriores de Snacks & Service."
    ),
    "Why wasn't my trash picked up?": "¿Por qué no recogieron mi basura?",
    "There is a pothole on my street. Who fixes it?": "Hay un bache en mi calle. ¿Quién lo repara?",
    "My car was towed during a snow emergency. What do I do?": (
        "Se llevaron mi auto con grúa durante una emergencia de nieve. ¿Qué hago?"
    ),
    "My landlord will not fix the heat. Can the city help?": (
        "Mi arrendador no arregla la calefacción. ¿Puede ayudar la ciudad?"
    ),
    "The house next door is empty and open. Who do I call?": (
        "La casa de al lado está vacía y abierta. ¿A quién llamo?"
    ),
    "The neighbor's grass is knee high. What can the city do?": (
        "El césped del vecino llega a la rodilla. ¿Qué puede hacer la ciudad?"
    ),
    "How do I reserve a park picnic shelter?": "¿Cómo reservo un refugio de pícnic en un parque?",
    "A branch from the boulevard tree fell on my car. Who pays?": (
        "Una rama del árbol del bulevar cayó sobre mi auto. ¿Quién paga?"
    ),
    "How do I talk to my council member?": "¿Cómo hablo con mi concejal?",
    "I was treated unfairly because of my race. Where can I complain?": (
        "Me trataron injustamente por mi raza. ¿Dónde puedo quejarme?"
    ),
    "Can I run a business from my home?": "¿Puedo tener un negocio en mi casa?",
    "I reported this weeks ago. What happened?": "Lo reporté hace semanas. ¿Qué pasó?",
    "Top 10 topics: Public Works": "Los 10 temas principales: Obras Públicas",
    "Top 10 topics: Parks and Recreation": "Los 10 temas principales: Parques y Recreación",
    "Top 10 topics: Safety and Inspections": "Los 10 temas principales: Seguridad e Inspecciones",
    STAFF_LIST["title"]: "Lista del personal de atención al público",
    STAFF_LIST["intro"]: (
        "Quién atiende a los residentes en cada departamento esta temporada y cómo comunicarse."
    ),
    LIBRARY["title"]: "Biblioteca de capacitación Snacks & Service",
    LIBRARY["intro"]: (
        "Presentaciones anteriores de Snacks & Service: un departamento, una hora de "
        "presentación y una hora de recorrido, para el personal de toda la ciudad."
    ),
    STAFF_GUIDE["title"]: "Guía para el personal: cómo dirigir las solicitudes de los residentes",
    STAFF_GUIDE["intro"]: (
        "Orientación permanente para el personal que responde las preguntas de los residentes."
    ),
}
SHORT_ANSWERS_ES = [
    "Verifique que sea el día de recolección y que el contenedor estuviera afuera a las 6 "
    "a. m.; si es así, registre la recolección no realizada.",
    "Calles de la ciudad: Obras Públicas, con una solicitud. Autopistas: el estado.",
    "Indique dónde está el depósito de vehículos de la ciudad y que las tarifas se pagan "
    "allí; el personal no puede eximirlas.",
    "Sí: Seguridad e Inspecciones recibe quejas de vivienda. Sin calefacción en invierno es "
    "urgente.",
    "Seguridad e Inspecciones registra y asegura los edificios vacíos.",
    "Registre una queja por molestia exterior; un inspector ordena al dueño cortarlo.",
    "Parques y Recreación toma las reservas; envíe al residente a su recepción.",
    "Registre el problema del árbol con Silvicultura; los reclamos por daños van a gestión "
    "de riesgos de la ciudad.",
    "Busque el distrito por la dirección y dé el número de la oficina del Concejo.",
    "Derechos Humanos e Igualdad de Oportunidades Económicas recibe quejas de discriminación.",
    "A menudo sí, con límites: la línea de información de zonificación responde según la "
    "dirección.",
    "Busque el número de solicitud; si no lo tiene, busque por dirección antes de crear una nueva.",
]
SPANISH.update({spec[2]: answer for spec, answer in zip(GUIDANCE, SHORT_ANSWERS_ES, strict=True)})

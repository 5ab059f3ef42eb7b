"""Unseen-style introductions as posted in community #introductions channels: one-liners, bullet
lists, LinkedIn-style summaries, emoji, markdown, non-native English and intros partly in Spanish,
Portuguese, French, German or Italian. Each case asserts only what a careful reader agrees on;
fields a case leaves out are not checked (see the report of the quality pass for known gaps).
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.profile import Seniority
from tests.bot.parsing import intro_table
from tests.bot.parsing.intro_table import Parse, check_case


def Case(
    text: str, known: set[str] | None = None, learning: set[str] | None = None, **fields: Any
) -> intro_table.Case:
    """A table case whose known and learning sets are unchecked unless given (then exact)."""
    return intro_table.Case(text, known=known, learning=learning, **fields)


CASES: list[intro_table.Case] = [
    Case("backend dev, 5+ yrs, python/django, CET",
         known={"Python", "Django"}, learning=set(), years=5, timezone="Europe/Berlin"),
    Case("Hola! Soy desarrollador backend con 5 años de experiencia en Java, aprendiendo Kotlin. "
         "Vivo en Madrid.",
         known={"Java"}, learning={"Kotlin"}, years=5, skill_years={"Java": 5},
         timezone="Europe/Madrid"),
    Case("Olá pessoal! Sou dev frontend há 3 anos, trabalho com React e TypeScript. Estou "
         "aprendendo Flutter. Moro em São Paulo.",
         known={"React", "TypeScript"}, learning={"Flutter"}, years=3,
         timezone="America/Sao_Paulo"),
    Case("Salut ! Développeuse web depuis 2019, je fais du Vue.js et du PHP. En ce moment "
         "j'apprends Rust. Basée à Lyon (CET).",
         known={"Vue.js", "PHP"}, learning={"Rust"}, years=7, timezone="Europe/Berlin"),
    Case("Hi! Ich bin DevOps Engineer aus München mit 7 Jahren Erfahrung. Kubernetes, Terraform "
         "und AWS sind mein Alltag, ich lerne gerade Go.",
         known={"DevOps", "Kubernetes", "Terraform", "Amazon Web Services"}, learning={"Go"},
         years=7, timezone="Europe/Berlin"),
    Case("**About me**\n- 🧑‍💻 Senior Android dev\n- 📱 Kotlin, Jetpack Compose\n"
         "- 🌱 learning KMP and Swift\n- 🌍 GMT+1\n- 🤝 happy to mentor juniors on Android",
         known={"Android", "Kotlin", "Jetpack Compose"},
         learning={"Kotlin Multiplatform", "Swift"},
         seniority=Seniority.SENIOR, timezone="Etc/GMT-1", offer=True),
    Case("Seasoned Site Reliability Engineer with a decade of experience across AWS and GCP. I "
         "specialize in Kubernetes, Prometheus and Terraform. Based in Toronto, always happy to "
         "help folks breaking into SRE.",
         known_includes={"Amazon Web Services", "Google Cloud Platform", "Kubernetes",
                         "Prometheus", "Terraform"},
         learning=set(), years=10, timezone="America/Toronto", offer=True),
    Case("👋 hey!! 🎮 game dev 🕹️ Unity + C# ⏰ 6 years 🇧🇷 based in São Paulo 🌱 learning "
         "Unreal Engine & C++ 🙌",
         known={"Unity", "C#"}, learning={"Unreal Engine", "C++"}, years=6,
         timezone="America/Sao_Paulo"),
    Case("Hi everyone, I'm a second-year CS student from Lagos, Nigeria. I know some Python and "
         "I'm learning JavaScript. Looking for a mentor!",
         known={"Python"}, learning={"JavaScript"}, seniority=Seniority.STUDENT,
         timezone="Africa/Lagos", offer=False),
    Case("Former teacher turned developer 🙂 Finished a bootcamp last year (HTML, CSS, JavaScript, "
         "React). Now trying to learn Node.js and SQL. Never used Java.",
         known={"HTML", "CSS", "JavaScript", "React"}, learning={"Node.js", "SQL"},
         not_known={"Java"}),
    Case("Engineering manager at a fintech in London, leading a team of 8. Was a Java developer "
         "for 10 years before that. Happy to chat about career growth and management.",
         known={"Java"}, learning=set(), seniority=Seniority.LEAD, years=10,
         skill_years={"Java": 10}, timezone="Europe/London", offer=True),
    Case("Product designer (UX/UI), Figma all day, a bit of HTML/CSS. Want to learn React to "
         "prototype faster. PST.",
         known={"Figma", "HTML", "CSS"}, learning={"React"}, timezone="America/Los_Angeles"),
    Case("Data scientist | Python, pandas, PyTorch | 4 years in NLP | learning MLOps | Berlin",
         known={"Python", "pandas", "PyTorch", "Natural Language Processing"},
         learning={"MLOps"}, years=4, skill_years={"Natural Language Processing": 4},
         timezone="Europe/Berlin"),
    Case("Security engineer, 8 years in appsec. Burp Suite, Python, Go. I can help with threat "
         "modeling and secure code review. EST.",
         known_includes={"Burp Suite", "Python", "Go"}, learning=set(), years=8,
         timezone="America/New_York", offer=True),
    Case("Embedded firmware engineer, C and C++ on ARM Cortex-M, FreeRTOS. Since 2012. Curious "
         "about Rust for embedded. Located in Munich.",
         known_includes={"C", "C++", "FreeRTOS"}, learning={"Rust"}, years=14,
         timezone="Europe/Berlin"),
    Case("Languages: Rust, 10 years; Python, 5 years; Go, 2 years.",
         known={"Rust", "Python", "Go"}, learning=set(), years=10,
         skill_years={"Rust": 10, "Python": 5, "Go": 2}),
    Case("Mostly JavaScript and Python. I've never used Java and have no experience with C#.",
         known={"JavaScript", "Python"}, learning=set(), not_known={"Java", "C#"}),
    Case("iOS dev (Swift/SwiftUI), 3 yrs, UTC-5",
         known={"iOS", "Swift", "SwiftUI"}, years=3, timezone="Etc/GMT+5"),
    Case("Buenas! Me llamo Ana, soy ingeniera de datos en Buenos Aires. Trabajo con Python, Spark "
         "y Airflow desde hace 4 años. Estoy aprendiendo Scala.",
         known={"Python", "Apache Spark", "Apache Airflow"}, learning={"Scala"}, years=4,
         skill_years={"Python": 4, "Apache Spark": 4, "Apache Airflow": 4},
         timezone="America/Argentina/Buenos_Aires"),
    Case("Ciao a tutti! Sono uno sviluppatore full stack di Milano, lavoro con Angular e .NET. "
         "Sto imparando Go.",
         known={"Angular", ".NET"}, learning={"Go"}, timezone="Europe/Rome"),
    Case("Bonjour ! Ingénieur DevOps avec 6 ans d'expérience, Docker, Ansible, GitLab CI. "
         "J'apprends Kubernetes en ce moment.",
         known={"DevOps", "Docker", "Ansible", "GitLab CI"}, learning={"Kubernetes"}, years=6),
    Case("Oi! Desenvolvedor backend com 8 anos de experiência em Java e Spring Boot. Posso ajudar "
         "quem está começando.",
         known={"Java", "Spring Boot"}, learning=set(), years=8, skill_years={"Java": 8},
         offer=True),
    Case("Moin! Frontend-Entwicklerin aus Hamburg, 5 Jahre Erfahrung mit Angular, lerne gerade "
         "Svelte.",
         known={"Angular"}, learning={"Svelte"}, years=5, skill_years={"Angular": 5},
         timezone="Europe/Berlin"),
    Case("Flutter dev from Cairo 🇪🇬 2 years with Flutter & Dart, before that native Android "
         "(Java). Wanna get into backend with Go.",
         known={"Flutter", "Dart", "Android", "Java"}, learning={"Go"},
         skill_years={"Flutter": 2}, timezone="Africa/Cairo"),
    Case("## Hi, I'm Priya\n**Role:** Staff ML Engineer\n**Location:** Bangalore, India (IST)\n"
         "**Stack:** Python, TensorFlow, Kubernetes\n**Learning:** Rust\n"
         "**Mentoring:** happy to help with ML system design",
         known_includes={"Python", "Tensorflow", "Kubernetes", "Machine Learning"},
         learning={"Rust"}, seniority=Seniority.STAFF, timezone="Asia/Kolkata", offer=True),
    Case("SRE here. Been doing Linux since 2008, Kubernetes since 2017. Based out of Amsterdam.",
         known={"SRE", "Linux", "Kubernetes"}, years=18,
         skill_years={"Linux": 18, "Kubernetes": 9}, timezone="Europe/Amsterdam"),
    Case("Hello, I am working like java developer since 5 years in Poland. Now I study Kotlin and "
         "Spring. I want find mentor for system design.",
         known={"Java"}, learning={"Kotlin", "Spring", "System Design"}, years=5, offer=False),
    Case("Indie game developer, Godot and GDScript mostly, some Blender. 3+ years. Teaching myself "
         "shaders. AEST.",
         known={"Godot", "GDScript", "Blender"}, years=3, timezone="Australia/Sydney"),
    Case("Data analyst, SQL + Tableau + Excel, ~2 yrs. Trying to move into data engineering "
         "(learning dbt and Airflow).",
         known={"SQL", "Tableau", "Microsoft Excel"},
         learning={"Data Engineering", "dbt", "Apache Airflow"}, years=2),
    Case("Platform engineer with over a decade in the industry. Terraform, AWS, Kubernetes, "
         "ArgoCD. Open to mentoring anyone getting into DevOps. Remote from Lisbon, Portugal.",
         known_includes={"Terraform", "Amazon Web Services", "Kubernetes", "Argo CD"},
         learning=set(), years=10, timezone="Europe/Lisbon", offer=True),
    Case("frontend • react • typescript • next.js • 4 yrs • CET • learning three.js",
         known={"React", "TypeScript", "Next.js"}, learning={"Three.js"}, years=4,
         timezone="Europe/Berlin"),
    Case("Principal engineer, 15 years of C++ and distributed systems. Nowadays mostly Rust. I "
         "mentor junior engineers regularly. Pacific Time.",
         known={"C++", "Distributed Systems", "Rust"}, learning=set(), years=15,
         skill_years={"C++": 15}, seniority=Seniority.PRINCIPAL,
         timezone="America/Los_Angeles", offer=True),
    Case("Hola a todos, soy estudiante de informática en Bogotá. Estoy aprendiendo Python y "
         "JavaScript, busco mentor.",
         known=set(), learning={"Python", "JavaScript"}, timezone="America/Bogota",
         seniority=Seniority.STUDENT, offer=False),
    Case("Rubyist since 2010 — Rails, Sidekiq, PostgreSQL. Lately learning Elixir/Phoenix. UTC+2.",
         known={"Ruby", "Rails", "Sidekiq", "PostgreSQL"}, learning={"Elixir", "Phoenix"},
         years=16, skill_years={"Ruby": 16}, timezone="Etc/GMT-2"),
    Case("Go: 3 years, Kubernetes: 2 years, Terraform: 1 year",
         known={"Go", "Kubernetes", "Terraform"},
         skill_years={"Go": 3, "Kubernetes": 2, "Terraform": 1}),
    Case("Hello ! Je suis en reconversion, je suis en train d'apprendre JavaScript et React. "
         "Avant j'étais comptable. Paris.",
         known=set(), learning={"JavaScript", "React"}),
    Case("Sou estudante de Engenharia, aprendendo Java e SQL. Moro em Lisboa.",
         known=set(), learning={"Java", "SQL"}, timezone="Europe/Lisbon",
         seniority=Seniority.STUDENT),
    Case("Ich bin Data Engineer (Python, SQL, Spark). Ich lerne Rust in meiner Freizeit. "
         "Zeitzone: MEZ.",
         known={"Python", "SQL", "Apache Spark"}, learning={"Rust"}, timezone="Europe/Berlin"),
    Case("Ciao! Sviluppatrice Python con 5 anni di esperienza, sto imparando Rust. Vivo a Torino.",
         known={"Python"}, learning={"Rust"}, years=5, timezone="Europe/Rome"),
    Case("QA automation engineer • Selenium, Cypress, Playwright • 2 years • IST (Pune)",
         known={"Selenium", "Cypress", "Playwright"}, years=2, timezone="Asia/Kolkata"),
    Case("Hey 👋 I'm a junior frontend dev from Kraków, Poland. 1.5 years of React. Never touched "
         "Angular. Want to learn testing with Jest.",
         known={"React"}, learning={"Jest"}, not_known={"Angular"}, years=1.5,
         skill_years={"React": 1.5}, seniority=Seniority.JUNIOR, timezone="Europe/Warsaw"),
    Case("Staff SRE @ BigCo | 12+ yrs | Go, Kubernetes, GCP | ask me about on-call and incident "
         "response | Europe/Berlin",
         known={"SRE", "Go", "Kubernetes", "Google Cloud Platform"}, years=12,
         seniority=Seniority.STAFF, timezone="Europe/Berlin", offer=True),
    Case("Hi all! Soy de Quito, trabajo como desarrolladora móvil (Kotlin, Swift) desde 2018. "
         "Busco un mentor para aprender arquitectura de software.",
         known={"Kotlin", "Swift"}, years=8, timezone="America/Guayaquil", offer=False),
    # second pass: non-English verbs, lists, community names, new tools, places, offers
    Case("Ciao a tutti! Sono uno sviluppatore backend di Milano, lavoro con Java e Spring Boot. "
         "Sto imparando Go e Kubernetes. Happy to chat about career growth!",
         known={"Java", "Spring Boot"}, learning={"Go", "Kubernetes"},
         timezone="Europe/Rome", offer=True),
    Case("Flutter dev from Cairo 🇪🇬 | 3 years of Dart | Rubyist in a past life | DMs open if "
         "you want to talk about Firebase",
         known={"Flutter", "Dart", "Ruby", "Firebase"}, learning=set(), years=3,
         skill_years={"Dart": 3}, timezone="Africa/Cairo", offer=True),
    Case("frontend • react • typescript • tailwind | Berlin | learning rust",
         known={"React", "TypeScript", "Tailwind CSS"}, learning={"Rust"},
         timezone="Europe/Berlin"),
    Case("Hobbies: reading • hiking • go-karting. At work: Python and Django.",
         known={"Python", "Django"}, learning=set()),
    Case("Hallo! Ich bin Data Engineer, arbeite mit Python, dbt und Snowflake. Ich möchte Rust "
         "lernen. Feel free to reach out about Airflow.",
         known={"Python", "dbt", "Snowflake", "Apache Airflow"}, learning={"Rust"}, offer=True),
    Case("Was a Java developer for 10 years before that, now doing Kotlin on the backend. "
         "Pentesting on the side: Burp Suite, Nmap, Wireshark.",
         known={"Java", "Kotlin", "Burp Suite", "Nmap", "Wireshark"}, years=10,
         skill_years={"Java": 10}),
    Case("Gamedev here 🎮 Godot and Unity for indie stuff, Unreal Engine at work. Desarrollador "
         "en Bogotá. Ask me anything about shaders or C++.",
         known={"Godot", "Unity", "Unreal Engine", "C++"}, timezone="America/Bogota",
         offer=True),
    Case("Pythonista turned embedded dev: FreeRTOS + Zephyr on STM32. Also a java developer "
         "since 5 years.",
         known_includes={"Python", "FreeRTOS", "Zephyr RTOS", "Java"},
         skill_years={"Java": 5}),
    # round 3: bootcamp grads and career changers, data, product and design, QA, DevRel, SRE,
    # game and embedded devs, coursework lists, proficiency levels, abbreviations, zone names
    Case("Hi all! Former high school math teacher, graduated from a coding bootcamp in March. "
         "Comfortable with JavaScript, React and Node.js. Looking to get into TypeScript next. "
         "Based in Chicago (CST).",
         known={"JavaScript", "React", "Node.js"}, learning={"TypeScript"},
         timezone="America/Chicago"),
    Case("Transitioning from accounting to data analytics. Excel is my daily driver, I'm decent "
         "at SQL and have been learning Power BI and Tableau. EST/EDT.",
         known={"Microsoft Excel", "SQL"}, learning={"Power BI", "Tableau"},
         timezone="America/New_York"),
    Case("Data scientist at a healthcare startup, 6 years of experience. Mostly R and Python "
         "(pandas, scikit-learn), heavy SQL user. Happy to help anyone getting started with "
         "machine learning. IST (India).",
         known_includes={"R", "Python", "pandas", "scikit-learn", "SQL"}, learning=set(),
         years=6, timezone="Asia/Kolkata", offer=True),
    Case("Product manager, 8 years in B2B SaaS. Not very technical but I know my way around SQL "
         "and Jira. Learning Figma to work better with designers.",
         known_includes={"SQL", "Jira"}, learning={"Figma"}),
    Case("UX/UI designer here ✏️ Figma, user research, prototyping. Trying to learn HTML and CSS "
         "so I can talk to devs. Pacific time.",
         known={"Figma"}, learning={"HTML", "CSS"}, timezone="America/Los_Angeles"),
    Case("QA engineer with 4 years of experience in test automation: Selenium, Cypress, Postman "
         "for API testing. Currently picking up Playwright. Based in Kraków.",
         known_includes={"Selenium", "Cypress", "Postman"}, learning={"Playwright"}, years=4,
         timezone="Europe/Warsaw"),
    Case("DevRel at a database company, I write a lot of TypeScript and Go for demos. DMs open "
         "for Go questions! GMT-3 (Buenos Aires).",
         known={"TypeScript", "Go"}, learning=set(), offer=True),
    Case("SRE, on-call veteran. Prometheus, Grafana, PagerDuty, Terraform and k8s all day. "
         "Currently at Shopify working on our Kubernetes platform. AEST.",
         known_includes={"Prometheus", "Grafana", "PagerDuty", "Terraform", "Kubernetes"},
         learning=set(), timezone="Australia/Sydney"),
    Case("Game dev (Unity + C#) for 5 years, now moving to Unreal and C++. Melbourne, AEST.",
         known={"Unity", "C#"}, learning={"Unreal Engine", "C++"}, years=5,
         timezone="Australia/Sydney"),
    Case("Embedded engineer: C for 10 years, Rust (intermediate), Zephyr. If you ever need help "
         "with embedded C, ping me.",
         known={"C", "Rust", "Zephyr RTOS"}, learning=set(), years=10, skill_years={"C": 10},
         offer=True),
    Case("CS junior at UT Austin. Coursework: Data Structures, Algorithms, Operating Systems, "
         "Databases. Languages: Java, C, Python. Central time.",
         known_includes={"Java", "C", "Python"}, learning=set(), timezone="America/Chicago",
         seniority=Seniority.STUDENT),
    Case("Skills: Python (advanced), Go (intermediate), Rust (beginner). Backend engineer, Berlin.",
         known={"Python", "Go"}, learning={"Rust"}, timezone="Europe/Berlin"),
    Case("hi, react dev from NYC 👋", known={"React"}, timezone="America/New_York"),
    Case("I worked as a developer for 5 years, mostly PHP and Laravel. Now switching to Python.",
         known={"PHP", "Laravel"}, learning={"Python"}, years=5),
    Case("JS/TS dev, py on the side. GCP + k8s. EST.",
         known_includes={"JavaScript", "TypeScript", "Python", "Google Cloud Platform",
                         "Kubernetes"},
         learning=set(), timezone="America/New_York"),
    Case("Infra engineer. tf and Terraform Cloud, AWS, Ansible. Got 7 yrs in the industry.",
         known_includes={"Terraform", "Amazon Web Services", "Ansible"}, years=7),
    Case("I'm looking to get into data engineering. I know Python and SQL, want to learn Airflow "
         "and Spark. GMT+5:30",
         known={"Python", "SQL"}, learning={"Data Engineering", "Apache Airflow", "Apache Spark"},
         timezone="Asia/Kolkata"),
    Case("Hey! Career changer (nurse → developer). Finished The Odin Project, know HTML, CSS, "
         "JavaScript. Looking for a mentor. Pacific time.",
         known={"HTML", "CSS", "JavaScript"}, learning=set(), offer=False,
         timezone="America/Los_Angeles"),
    Case("Android dev, Kotlin is my daily driver, Java before that. If you ever need help with "
         "Kotlin, ping me.",
         known={"Android", "Kotlin", "Java"}, learning=set(), offer=True),
    Case("Hallo! Ich arbeite bei einem Startup in Hamburg, Python für Maschinelles Lernen.",
         known={"Python", "Machine Learning"}, learning=set(), timezone="Europe/Berlin"),
    Case("Data analyst, 3 yrs. Tools: Excel, SQL, Tableau, Power BI. Beginner in Python. "
         "Eastern time.",
         known={"Microsoft Excel", "SQL", "Tableau", "Power BI"}, learning={"Python"}, years=3,
         timezone="America/New_York"),
    Case("Test automation engineer. Playwright is my daily driver, also Cypress. Learning k6 for "
         "load testing. CET.",
         known_includes={"Playwright", "Cypress"}, learning={"k6"}, timezone="Europe/Berlin"),
    Case("Staff engineer at Stripe working on Ruby and Go services. 12 years in the industry. "
         "Happy to mentor folks on system design. PST.",
         known_includes={"Ruby", "Go"}, learning=set(), years=12, seniority=Seniority.STAFF,
         timezone="America/Los_Angeles", offer=True),
    Case("Student (2nd year) – took courses in C++, Java and Linear Algebra. Want to learn Unity "
         "to make games.",
         known={"C++", "Java"}, learning={"Unity"}, seniority=Seniority.STUDENT),
    Case("Developer advocate, ex-backend (Java, Spring Boot). I speak at conferences about Kafka. "
         "Mountain time.",
         known={"Java", "Spring Boot", "Kafka"}, learning=set(), timezone="America/Denver"),
    Case("Hi! I’m a self-taught dev. Python (intermediate), JavaScript (beginner), SQL (advanced). "
         "Looking to get into web dev. GMT+1.",
         known={"Python", "SQL"}, learning={"JavaScript"}, timezone="Etc/GMT-1"),
    Case("Game programmer, Unreal Engine 5 + C++ daily. Some Godot on weekends. Happy to answer "
         "questions about Unreal. Based in Montreal.",
         known={"Unreal Engine", "C++", "Godot"}, learning=set(), offer=True,
         timezone="America/Toronto"),
    Case("Firmware dev, C/C++ on ARM Cortex-M, Zephyr and FreeRTOS. Learning Rust for embedded. "
         "Based in Munich.",
         known_includes={"C", "C++", "Zephyr RTOS", "FreeRTOS"}, learning={"Rust"},
         timezone="Europe/Berlin"),
    Case("Mobile lead. Swift 7 years, Kotlin 4 years. Currently at Spotify working on iOS. "
         "CET/CEST.",
         known={"Swift", "Kotlin", "iOS"}, skill_years={"Swift": 7, "Kotlin": 4},
         seniority=Seniority.LEAD, timezone="Europe/Berlin"),
    Case("Transitioning from sysadmin to DevOps. Bash and Linux for 10 years, learning Docker, "
         "Kubernetes and Terraform. Sydney (AEST).",
         known={"Bash", "Linux"}, learning={"DevOps", "Docker", "Kubernetes", "Terraform"},
         years=10, skill_years={"Bash": 10, "Linux": 10}, timezone="Australia/Sydney"),
    Case("Python - advanced, Go - intermediate, Rust - beginner. Based in Austin, Central time.",
         known={"Python", "Go"}, learning={"Rust"}, timezone="America/Chicago"),
    Case("Languages: TypeScript (expert), Python (basic), Elixir (just started).",
         known={"TypeScript", "Python"}, learning={"Elixir"}),
    Case("I'm looking to get into Rust and WebAssembly. Day job is Java/Spring at a bank in "
         "Frankfurt.",
         known={"Java", "Spring"}, learning={"Rust", "WebAssembly"}, timezone="Europe/Berlin"),
    Case("Unity dev since 2017, also shipped a couple of Unreal prototypes. Learning Godot for a "
         "jam. UTC+10",
         known={"Unity", "Unreal Engine"}, learning={"Godot"}, years=9, skill_years={"Unity": 9},
         timezone="Etc/GMT-10"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"intro{i:02d}" for i in range(len(CASES))])
def test_unseen_style_intro(parse: Parse, case: intro_table.Case) -> None:
    check_case(parse(case.text), case)


def test_the_table_is_varied() -> None:
    assert len(CASES) >= 80
    assert sum(not c.text.isascii() for c in CASES) >= 15

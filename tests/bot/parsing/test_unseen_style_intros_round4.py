"""Round 4 of unseen-style introductions: forty more intros across roles (frontend, data, ML, SRE,
security, mobile, embedded, game dev, students, career changers, managers) and styles (bullets,
pipes, long paragraphs, emoji, terse, non-native English, Spanish, Portuguese, German, French,
markdown, hashtags, links, signatures). Skills in ``optional`` may be read or not (role nouns and
umbrella concepts a careful reader could go either way on); everything else is exact.
"""

from __future__ import annotations

import pytest

from bot.domain.profile import Seniority
from tests.bot.parsing.intro_table import Case, Parse, check_case

CASES: list[Case] = [
    Case("**Hey all 👋**\n- Frontend dev @ small agency in Porto\n- Vue 3 + Nuxt, some Svelte\n"
         "- ~4 yrs professionally\n- currently learning TypeScript properly (yes, finally)\n"
         "- WET (Lisbon time)",
         known={"Vue.js", "Nuxt.js", "Svelte"}, learning={"TypeScript"}, years=4,
         timezone="Europe/Lisbon"),
    Case("Data Engineer | Jakarta 🇮🇩 | Go, dbt, BigQuery | 6 yrs | happy to mentor juniors on "
         "data modeling",
         known={"Go", "dbt", "BigQuery"}, optional={"Data Engineering"}, years=6,
         timezone="Asia/Jakarta", offer=True),
    Case("Hi everyone! I'm Wei, an ML engineer at a robotics startup in Shenzhen. Most of my day "
         "is PyTorch and CUDA, plus a fair bit of C++ for deploying models on Jetson boards. I've "
         "been doing deep learning for about 5 years, before that I was a mechanical engineer. "
         "Right now I'm learning JAX because everyone keeps talking about it. Happy to chat about "
         "model quantization or getting started with ML!",
         known={"PyTorch", "CUDA", "C++", "Deep Learning"}, learning={"JAX"},
         optional={"Machine Learning"}, years=5, skill_years={"Deep Learning": 5},
         timezone="Asia/Shanghai", offer=True),
    Case("sre. k8s, terraform, prometheus. 9y. utc+2",
         known={"SRE", "Kubernetes", "Terraform", "Prometheus"}, years=9, timezone="Etc/GMT-2"),
    Case("🔐 AppSec engineer 🛡️ | 7 years breaking things for a living 😅 | Burp Suite, Python 🐍 "
         "| learning Rust 🦀 for fuzzing | DM me if you want help prepping for OSCP 🙌 | "
         "📍 Warsaw",
         known={"Burp Suite", "Python"}, learning={"Rust"}, optional={"Fuzzing/Fuzz Testing"},
         years=7, timezone="Europe/Warsaw", offer=True),
    Case("Mobile dev here. Kotlin: expert, Swift: intermediate, Flutter: learning, React Native: "
         "beginner. Based in Nairobi (EAT).",
         known={"Kotlin", "Swift"}, learning={"Flutter", "React Native"},
         timezone="Africa/Nairobi"),
    Case("Embedded SW engineer, 12 years. Bare-metal C on STM32 and nRF52, some Zephyr. If you "
         "need help with low-level C or debugging, just ping me. Eindhoven, NL.",
         known={"C", "Zephyr RTOS"}, optional={"Debugging"}, years=12,
         timezone="Europe/Amsterdam", offer=True, topics={"C"}),
    Case("Gamedev 🎮 — Unreal Engine 5 and C++ at a AA studio in Montréal, Blueprints when I'm "
         "lazy. Godot is my hobby. ~8 years in the industry. Always happy to review portfolios!",
         known={"Unreal Engine", "C++", "Godot"}, years=8, timezone="America/Toronto",
         offer=True),
    Case("CS sophomore at Georgia Tech 🐝 Took classes in Java and C, doing Python for a research "
         "lab. Looking for a mentor for internship prep! EST",
         known={"Java", "C", "Python"}, seniority=Seniority.STUDENT,
         timezone="America/New_York", offer=False),
    Case("Hey folks, ex-chef turned web developer 👨‍🍳➡️💻 Did a 6-month bootcamp, now comfortable "
         "with HTML, CSS and JavaScript, getting into React. Looking for someone to review my "
         "portfolio. Glasgow, UK.",
         known={"HTML", "CSS", "JavaScript"}, learning={"React"}, timezone="Europe/London"),
    Case("EM at a scale-up in Stockholm, managing two backend teams (Kotlin + Spring). Coded Java "
         "for 11 years before moving into management. Happy to mentor new managers or senior ICs "
         "thinking about the switch.",
         known={"Kotlin", "Spring", "Java"}, skill_years={"Java": 11},
         timezone="Europe/Stockholm", offer=True),
    Case("¡Hola! Soy Lucía, desarrolladora frontend en Montevideo. Trabajo con React y Next.js "
         "hace 3 años. Ahora estoy aprendiendo Go. Si alguien necesita ayuda con CSS, "
         "¡escríbanme!",
         known={"React", "Next.js", "CSS"}, learning={"Go"}, years=3,
         timezone="America/Montevideo", offer=True),
    Case("Oi gente! Sou estudante de computação na UFMG, em Belo Horizonte. Sei um pouco de Python "
         "e C, e estou aprendendo JavaScript. Procuro mentoria em desenvolvimento web.",
         known={"Python", "C"}, learning={"JavaScript"}, seniority=Seniority.STUDENT,
         timezone="America/Sao_Paulo", offer=False),
    Case("Servus! Ich bin Informatikstudent an der TU Wien, nebenbei Werkstudent als "
         "Java-Entwickler. Ich lerne gerade Kotlin und Docker.",
         known={"Java"}, learning={"Kotlin", "Docker"}, seniority=Seniority.STUDENT,
         timezone="Europe/Vienna"),
    Case("Bonjour à tous ! Étudiant en informatique à Lyon, je code surtout en Python et en C. "
         "J'aimerais apprendre Rust. Je cherche un mentor 🙂",
         known={"Python", "C"}, learning={"Rust"}, seniority=Seniority.STUDENT,
         timezone="Europe/Paris", offer=False),
    Case("Gopher since 2015, mostly microservices with gRPC and Postgres. Currently learning Rust. "
         "Happy to pair on Go concurrency stuff. PST",
         known={"Go", "gRPC", "PostgreSQL"}, learning={"Rust"}, optional={"Microservices"},
         years=11, skill_years={"Go": 11}, timezone="America/Los_Angeles", offer=True),
    Case("Hello all, I am from Vietnam, working as tester since 3 years. I am using Selenium with "
         "Java and also Postman for API. I want improve my skill in automation with Playwright, "
         "please advice me.",
         known={"Selenium", "Java", "Postman"}, learning={"Playwright"},
         optional={"Test Automation"}, years=3, timezone="Asia/Ho_Chi_Minh"),
    Case("New here! Frontend dev from Cape Town 🇿🇦 #react #typescript #tailwind #a11y — trying to "
         "learn #svelte this year.",
         known={"React", "TypeScript", "Tailwind CSS", "Web Accessibility"},
         learning={"Svelte"}, timezone="Africa/Johannesburg"),
    Case("Hi! I'm Marco, backend developer (Python/FastAPI, PostgreSQL, Redis). 4 yrs. Blog: "
         "https://marco.dev | GitHub: github.com/marco-go-rust\n\n-- \nMarco\nSent from my phone",
         known={"Python", "FastAPI", "PostgreSQL", "Redis"}, not_known={"Go", "Rust"}, years=4),
    Case("Hi! Analista de datos en Lima 🇵🇪 — SQL, Power BI y Excel todos los días. Quiero "
         "aprender Python para automatizar reportes.",
         known={"SQL", "Power BI", "Microsoft Excel"}, learning={"Python"},
         timezone="America/Lima"),
    Case("SWE | Singapore | Go | Elixir | ex-Grab",
         known={"Go", "Elixir"}, timezone="Asia/Singapore"),
    Case("ML researcher. py + pytorch daily, some jax. PhD in NLP. Based in Edinburgh.",
         known={"Python", "PyTorch", "JAX", "Natural Language Processing"},
         optional={"Machine Learning"}, timezone="Europe/London"),
    Case("Cloud engineer. Daily: tf modules, AWS (ECS, Lambda), GitHub Actions. 5 yrs. Remote from "
         "Bucharest.",
         known={"Terraform", "Amazon Web Services", "Amazon ECS", "AWS Lambda", "GitHub Actions"},
         years=5, timezone="Europe/Bucharest"),
    Case("🍏 iOS dev 📱 Swift + SwiftUI 💯 ⏳ 2 yrs 🌱 learning Combine 📍 Manila 🇵🇭",
         known={"iOS", "Swift", "SwiftUI"}, optional={"Combine"}, years=2,
         timezone="Asia/Manila"),
    Case("Hey there, I'm a data scientist working in insurance. I spend most of my time in R and "
         "SQL, building pricing models, although the team is slowly moving to Python and I've been "
         "picking up pandas and scikit-learn along the way. I have around 7 years of experience "
         "in analytics overall. Outside work I like bouldering and bad sci-fi. Based in Dublin 🇮🇪",
         known={"R", "SQL"}, learning={"pandas", "scikit-learn"},
         optional={"Python", "Data Science"}, years=7, timezone="Europe/Dublin"),
    Case("Hallo zusammen! Ich bin seit 2016 als DevOps-Engineer in Köln unterwegs. Täglich: "
         "GitLab CI, Ansible, Kubernetes. Ich helfe gerne bei Fragen zu CI/CD.",
         known={"DevOps", "GitLab CI", "Ansible", "Kubernetes", "CI/CD"}, years=10,
         timezone="Europe/Berlin", offer=True),
    Case("E aí pessoal! Sou desenvolvedor mobile há 5 anos, trabalho com Flutter e Dart em Recife. "
         "Quero aprender Kotlin Multiplatform. Posso ajudar quem está começando com Flutter.",
         known={"Flutter", "Dart"}, learning={"Kotlin Multiplatform"}, years=5,
         timezone="America/Recife", offer=True),
    Case("### About me\n**Stack:** Node.js · NestJS · MongoDB\n**Level:** mid (3 yrs)\n"
         "**Learning:** Go, GraphQL\n**Timezone:** GMT-3",
         known={"Node.js", "Nest", "MongoDB"}, learning={"Go", "GraphQL"},
         optional={"JavaScript"}, years=3, seniority=Seniority.MID, timezone="Etc/GMT+3"),
    Case("Languages — Python: fluent / Go: comfortable / Haskell: learning. Looking for a study "
         "buddy for Haskell.",
         known={"Python", "Go"}, learning={"Haskell"}),
    Case("Pentester, 4y. OSCP. Nmap, Metasploit, Burp Suite, Bash. Learning Go for tooling. CET.",
         known={"Nmap", "Metasploit", "Burp Suite", "Bash"}, learning={"Go"}, years=4,
         timezone="Europe/Berlin"),
    Case("Final-year Computer Science student at University of Nairobi. I know Java and Python "
         "well, currently learning Django for my final project. Would love a mentor in backend "
         "dev!",
         known={"Java", "Python"}, learning={"Django"}, optional={"Computer Science"},
         seniority=Seniority.STUDENT, timezone="Africa/Nairobi", offer=False),
    Case("Frontend lead (Angular, RxJS, NgRx) with 10+ years. Elm is my hobby. I mentor juniors "
         "at work and happy to do it here too. Berlin.",
         known={"Angular", "Rxjs", "Ngrx", "Elm"}, years=10, seniority=Seniority.LEAD,
         timezone="Europe/Berlin", offer=True),
    Case("Analytics engineer\n• SQL — 6 yrs\n• dbt — 3 yrs\n• Snowflake — 2 yrs\n"
         "• learning: Airflow\nToronto / EST",
         known={"SQL", "dbt", "Snowflake"}, learning={"Apache Airflow"}, years=6,
         skill_years={"SQL": 6, "dbt": 3, "Snowflake": 2},
         timezone="America/New_York"),  # an explicit zone wins over a place
    Case("Hola! Soy estudiante de ingeniería en sistemas en Córdoba, Argentina. Hago juegos en "
         "Unity con C# desde hace 2 años, y quiero aprender Blender.",
         known={"Unity", "C#"}, learning={"Blender"}, years=2, seniority=Seniority.STUDENT,
         timezone="America/Argentina/Buenos_Aires"),  # Córdoba alone is ambiguous; the country
    Case("Salut tout le monde ! Dev backend senior à Montréal, 9 ans d'expérience en Java et "
         "Kotlin. Je peux aider sur l'architecture et Spring Boot. J'apprends Rust le soir.",
         known={"Java", "Kotlin", "Spring Boot"}, learning={"Rust"}, years=9,
         seniority=Seniority.SENIOR, timezone="America/Toronto", offer=True),
    Case("Hi, I'm a delivery manager (ex-QA) in Cluj. Still do some SQL and Jira automation. I'd "
         "like to learn Python basics. Can help anyone moving from QA into management.",
         known={"SQL", "Jira"}, learning={"Python"}, timezone="Europe/Bucharest", offer=True),
    Case("Deep learning engineer, computer vision mostly. tf/keras at work, pytorch at home. "
         "3 yrs. Seoul (KST).",
         known={"Tensorflow", "Keras", "PyTorch", "Computer Vision", "Deep Learning"}, years=3,
         timezone="Asia/Seoul"),
    Case("Hey! I go by Sam. Frontend dev, React all the way. Let's go build stuff together 🚀 "
         "Happy to help with CSS. CET",
         known={"React", "CSS"}, not_known={"Go"}, timezone="Europe/Berlin", offer=True),
    Case("IoT / embedded dev in Bangalore. C (7 yrs), MicroPython (2 yrs), Rust (just started). "
         "Hobby: ham radio. Happy to help with ESP32 projects.",
         known={"C", "MicroPython", "ESP32"}, learning={"Rust"},
         optional={"Internet of Things"}, skill_years={"C": 7, "MicroPython": 2},
         timezone="Asia/Kolkata", offer=True),
    Case("Hi 👋 SRE at a bank in Zurich. Linux since 2005, Python and Go for tooling. Rust is a "
         "weekend hobby. Can mentor on incident management and on-call practices.\n\n"
         "Cheers,\nJonas",
         known={"SRE", "Linux", "Python", "Go", "Rust"}, years=21, skill_years={"Linux": 21},
         timezone="Europe/Zurich", offer=True),
]


@pytest.mark.parametrize("case", CASES, ids=[f"r4intro{i:02d}" for i in range(len(CASES))])
def test_round4_intro(parse: Parse, case: Case) -> None:
    check_case(parse(case.text), case)


def test_the_round4_table_is_varied() -> None:
    assert len(CASES) == 40
    assert sum(not c.text.isascii() for c in CASES) >= 15

"""Round 5 of unseen-style introductions: fifty intros where people's names, companies and
everyday words collide with skill names (Julia, Ruby, Crystal, Pascal, Ada, "Spark Labs", "R&D",
"C+", "go-to", signatures), next to the genuine mentions that must still read (Turbo Pascal,
Ada and SPARK, R for stats, Ruby on Rails). Names in ``optional`` may be read or not; the
comments mark the known gaps left after round 5.
"""

from __future__ import annotations

import pytest

from bot.domain.profile import Seniority
from tests.bot.parsing.intro_table import Case, Parse, check_case

CASES: list[Case] = [
    Case("Hi, I'm Julia, a product designer in Lisbon. Figma all day, some HTML/CSS. Learning "
         "React so I can talk to our devs.",
         known={"Figma", "HTML", "CSS"}, learning={"React"}, not_known={"The Julia Language"},
         timezone="Europe/Lisbon"),
    Case("Hey! Ruby here 👋 frontend dev, Vue and TypeScript, 3 yrs. CET",
         known={"Vue.js", "TypeScript"}, not_known={"Ruby"}, years=3, timezone="Europe/Berlin"),
    Case("Crystal (she/her), QA engineer at a fintech in Toronto. Cypress, Playwright, a bit of "
         "Python for test data. Want to learn k6 for load testing.",
         known={"Cypress", "Playwright", "Python"}, learning={"k6"},
         optional={"Load Testing", "Software Testing", "Quality Assurance"},
         not_known={"Crystal"}, timezone="America/Toronto"),
    Case("Backend engineer, 8 years, mostly Go and PostgreSQL. Happy to mentor on system "
         "design.\n\nCheers,\nJulia",
         known={"Go", "PostgreSQL"}, optional={"System Design"}, not_known={"The Julia Language"},
         years=8, offer=True),
    Case("Data scientist doing Julia and Python for climate models. Julia developer since 2019. "
         "Berlin.",
         known={"The Julia Language", "Python"}, optional={"Data Science"}, years=7,
         timezone="Europe/Berlin"),
    Case("I'm Ruby, and yes, I write Ruby for a living 😄 Rails + Postgres at a SaaS startup, "
         "5 years. London.",
         known={"Ruby", "Rails", "PostgreSQL"}, optional={"Software as a Service"}, years=5,
         timezone="Europe/London"),
    Case("Ruby on Rails dev for 6 years, now picking up Elixir and Phoenix. Remote from "
         "Austin, TX.",
         known={"Ruby", "Rails"}, learning={"Elixir", "Phoenix"}, years=6,
         timezone="America/Chicago"),
    Case("My name is Pascal, I'm a mobile developer from Lyon. Kotlin and Jetpack Compose on "
         "Android, 4 years. Je cherche un mentor pour apprendre SwiftUI.",
         known={"Kotlin", "Jetpack Compose", "Android"}, learning={"SwiftUI"},
         not_known={"Pascal", "Component Pascal"}, years=4, timezone="Europe/Paris"),
    Case("Old-school dev: started with Turbo Pascal in the 90s, then Delphi/Pascal for 15 years, "
         "now C# and .NET. Happy to help people maintaining legacy Delphi apps.",
         known={"Pascal", "Delphi", "C#", ".NET"}, offer=True),
    Case("Hi, I'm Ada 🙂 junior frontend developer, bootcamp grad. HTML, CSS, JavaScript, a little "
         "React. Looking for a mentor!",
         known={"HTML", "CSS", "JavaScript", "React"}, not_known={"Ada"},
         seniority=Seniority.JUNIOR, offer=False),
    Case("Safety-critical software for avionics: Ada and SPARK, plus C for the drivers. 14 years. "
         "Toulouse.",
         known={"Ada", "C"}, optional={"Apache Spark"}, years=14, timezone="Europe/Paris"),
    Case("Statistician, R and Python for stats, Stata when clients insist. 10 yrs in public health "
         "research. Can mentor on R and experimental design.",
         known={"R", "Python", "Stata"}, optional={"Statistics"}, offer=True),  # gap: years, topic
    Case("Hardware engineer in R&D at a medical device company. VHDL and Verilog on FPGAs, some "
         "MATLAB. Boston.",
         known={"VHDL", "Verilog", "MATLAB"}, optional={"FPGA"}, not_known={"R"},
         timezone="America/New_York"),
    Case("Hey, I'm Tom R., Python developer, Django mostly. 4 years. Learning Go.",
         known={"Python", "Django"}, learning={"Go"}, not_known={"R"}, years=4),
    Case("Finance student. Got a C+ in my intro programming class (Java) but I love data now — "
         "learning SQL and Excel modelling.",
         known={"Java"}, learning={"SQL"}, optional={"Excel", "Microsoft Excel"},
         not_known={"C"}),  # gap: "Finance student" is not read as a student
    Case("Former C-level exec (CTO at two startups), 20 years in tech. These days I advise on "
         "engineering management and hiring. Still write some Python on the go.",
         optional={"Engineering Management", "Python"}, not_known={"C", "Go"},
         years=20),  # gap: "write some Python on the go", "I advise on" (no offer read)
    Case("Frontend is my go-to, React and Next.js. Let's go! Always on the go, so async chats "
         "work best. PST",
         known={"React", "Next.js"}, not_known={"Go"}, timezone="America/Los_Angeles"),
    Case("Hi all, Dart here (it's a nickname, long story). I build Flutter apps and write Dart "
         "every day. 3 years.",
         known={"Flutter", "Dart"}, years=3),
    Case("Hi! I'm Elm, a UX researcher from Oslo. Mostly interviews, usability tests and Figma "
         "prototypes. Curious about learning SQL.",
         known={"Figma"}, learning={"SQL"}, optional={"UX Research", "User Experience",
                                                    "Usability Testing"},
         not_known={"Elm"}),  # gap: Oslo's time zone
    Case("Ember (they/them), backend dev. Node.js, Express, MongoDB. 2 yrs. Based in Melbourne.",
         known={"Node.js", "Express", "MongoDB"}, not_known={"Ember"}, years=2,
         timezone="Australia/Melbourne"),
    Case("Frontend dev maintaining a big Ember.js app at work, slowly migrating to React. 6 years.",
         known={"Ember", "React"}, years=6),
    Case("I'm Sarah Swift, iOS developer. Swift and SwiftUI, 7 years. Happy to review code.",
         known={"Swift", "SwiftUI", "iOS"}, years=7, offer=True),
    Case("Hello, Daniel Rust here — embedded C and C++ engineer, 11 years, automotive. Learning "
         "Rust (the language, not my family name) this year.",
         known={"C", "C++"}, learning={"Rust"}, years=11),
    Case("DevOps guy. Terraform, Ansible, some Chef and Puppet on older infra. AWS certified. "
         "9 years.",
         known={"Terraform", "Ansible", "Puppet", "Amazon Web Services"},
         optional={"DevOps", "Chef"},
         years=9),
    Case("Ex-chef turned developer! Switched careers two years ago, now doing Python and Flask. "
         "My spring project was a Flask app for restaurant orders.",
         known={"Python", "Flask"}, optional={"Spring"}),  # gaps: lowercase "spring project" is
    # read as Spring; "two years ago" is no duration
    Case("Java dev, Spring Boot microservices, Kafka. 6 years. Helping juniors with Spring is my "
         "favourite part of the job.",
         known={"Java", "Spring Boot", "Kafka"}, optional={"Microservices", "Spring"}, years=6),
    # gap: "Helping juniors with Spring" (no offer, Spring unread)
    Case("Drinking java and writing Go ☕ Backend at a logistics company, 5 yrs, Go + gRPC + "
         "Postgres.",
         known={"Go", "gRPC", "PostgreSQL"}, optional={"Java"}, years=5),  # gap: "drinking java"
    Case("Just got back from two years teaching English on Java (the island!). Now learning "
         "Python and JavaScript to switch into tech.",
         learning={"Python", "JavaScript"}, optional={"Java"}),  # gap: Java, the island
    Case("Hi! I work at Spark Labs as a data engineer. Airflow, dbt, Snowflake. 4 years.",
         known={"Apache Airflow", "dbt", "Snowflake"}, optional={"Data Engineering"},
         not_known={"Apache Spark"}, years=4),
    Case("Data engineer, PySpark and Spark SQL on Databricks, 5 years. Happy to help with Spark "
         "performance tuning.",
         known={"Apache Spark", "Databricks"}, optional={"PySpark", "SQL", "Spark SQL"}, years=5,
         offer=True),
    Case("Product engineer at Swift Technologies, building our web app in TypeScript and Node. "
         "3 years.",
         known={"TypeScript", "Node.js"}, not_known={"Swift"}, years=3),
    Case("Frontend at Ember Studio (a small game studio in Leeds). React, Three.js, some GLSL.",
         known={"React", "Three.js", "GLSL"}, not_known={"Ember"}, timezone="Europe/London"),
    Case("Python dev, I keep a pet python named Monty 🐍 (yes really). Django, Celery, Redis. "
         "Munich.",
         known={"Python", "Django", "Celery", "Redis"}, timezone="Europe/Berlin"),
    Case("Haskell at work (yes, really), Scala before that. 8 years of FP. Happy to mentor "
         "anyone curious about functional programming.",
         known={"Haskell", "Scala"}, optional={"Functional Programming"}, offer=True),  # gap: years
    Case("Hi, I'm Jordan Haskell, a product manager. Jira, SQL for dashboards, Amplitude. "
         "Learning Python.",
         known={"Jira", "SQL"}, learning={"Python"}, optional={"Amplitude", "Product Management"},
         not_known={"Haskell"}),
    Case("Android dev, Kotlin since 2017. Spent last summer on Kotlin island near St. Petersburg, "
         "true story. Learning Kotlin Multiplatform now.",
         known={"Kotlin", "Android"}, optional={"Kotlin Multiplatform"}, years=9),
    Case("QA automation, Groovy + Spock for Jenkins pipelines and tests, 5 years. Learning "
         "Playwright.",
         known={"Groovy", "Jenkins"}, learning={"Playwright"}, optional={"Spock"}, years=5),
    Case("Chill, groovy person 😎 UI designer, Figma and Framer. Want to learn some CSS.",
         known={"Figma"}, learning={"CSS"}, optional={"Framer", "Framer Motion"},
         not_known={"Groovy"}),
    Case("Can someone mentor me on open source contributions? I'm a second-year CS student, I "
         "know Python and some C.",
         known={"Python", "C"}, learning={"Open Source"}, seniority=Seniority.STUDENT,
         offer=False),
    Case("Maintainer of a couple of open source Rust crates. Systems programmer, 10 years of "
         "C++ before Rust. Happy to mentor new open-source contributors.",
         known={"Rust", "C++", "Open Source"}, years=10, offer=True),
    Case("Mobile dev in Bogotá. Flutter and Dart, 3 años. Quiero aprender Kotlin.",
         known={"Flutter", "Dart"}, learning={"Kotlin"}, years=3, timezone="America/Bogota"),
    Case("Hey folks — Scala here (my parents were opera fans). I'm a data analyst: SQL, Tableau, "
         "Excel.",
         known={"SQL", "Tableau"}, optional={"Excel", "Microsoft Excel", "Data Analysis"},
         not_known={"Scala", "Opera"}),
    Case("Staff engineer, Scala and Akka for 9 years, now mostly Kotlin. Can help with "
         "distributed systems.",
         known={"Scala", "Akka", "Kotlin"}, optional={"Distributed Systems"}, years=9,
         seniority=Seniority.STAFF, offer=True),
    Case("SRE in Singapore. Kubernetes, Prometheus, Go. 6 yrs.\n\n— Ruby",
         known={"SRE", "Kubernetes", "Prometheus", "Go"}, not_known={"Ruby"}, years=6,
         timezone="Asia/Singapore"),
    Case("ML engineer, PyTorch + Hugging Face. Learning Julia for scientific computing. "
         "Thanks,\nCrystal",
         known={"PyTorch", "Hugging Face"}, learning={"The Julia Language"},
         optional={"Machine Learning", "Scientific Computing"}, not_known={"Crystal"}),
    Case("I'm Julia-curious! Mostly a MATLAB person (control engineering), 12 years. Want to "
         "learn Julia properly.",
         known={"MATLAB"}, learning={"The Julia Language"}, years=12),
    Case("Rust developer, 3 years. The old car in my garage is more rust than metal though 😂",
         known={"Rust"}, years=3),
    Case("Bonjour ! Je m'appelle Pascal, développeur web à Bruxelles. PHP, Laravel et Vue.js "
         "depuis 6 ans.",
         known={"PHP", "Laravel", "Vue.js"}, not_known={"Pascal"}, years=6,
         timezone="Europe/Brussels"),
    Case("Game dev in Kraków: Unity and C#, 4 years. Weekend project in Godot. Call me Swift, "
         "everybody does.",
         known={"Unity", "C#", "Godot"}, not_known={"Swift"}, years=4, timezone="Europe/Warsaw"),
    Case("Express delivery of opinions 😅 Full-stack: Express, React, PostgreSQL. 5 yrs. NYC.",
         known={"Express", "React", "PostgreSQL"}, years=5, timezone="America/New_York"),
]

@pytest.mark.parametrize("case", CASES, ids=[f"r5intro{i:02d}" for i in range(len(CASES))])
def test_round5_intro(parse: Parse, case: Case) -> None:
    check_case(parse(case.text), case)


def test_the_round5_table_is_varied() -> None:
    assert len(CASES) == 50
    assert sum(not c.text.isascii() for c in CASES) >= 10
    assert sum(bool(c.not_known) for c in CASES) >= 20

"""Word tables for context evidence: which neighbouring words show a technology or plain English.

Weights are applied in ``bot.taxonomy.context``; all words are lowercase, as in the scan copy.
"""

from __future__ import annotations

# Words right before a skill that show it is used as a technology.
STRONG_BEFORE = frozenset({
    "write", "writes", "wrote", "writing", "written", "code", "coded", "coding", "program",
    "programmed", "programming", "learn", "learning", "learned", "learnt", "know", "knows",
    "knowing", "master", "mastered", "mastering", "proficient", "fluent", "expert", "experienced",
    "expertise", "specialize", "specialise", "specialized", "specialised", "specializing",
    "using", "use", "uses", "used", "adopt", "adopted", "migrated", "migrating", "rewrote",
    "rewriting", "ported", "porting", "built", "build", "building", "develop", "developing",
    "developed", "deploy", "deployed", "deploying", "maintain", "maintained", "teach", "teaching",
    "mentor", "mentoring", "studying", "study", "prefer", "skills", "stack", "languages",
    "language", "tools", "technologies", "tech", "frameworks", "libraries", "proficiency",
    "familiarity", "experience", "favorite", "favourite", "explore", "exploring", "explored",
    "tinkering", "dabbling", "dabbled", "studied", "shipped", "shipping",
    *(
        # the same verbs in German, Spanish, Portuguese, French and Italian ("ich lerne Go")
        "lerne", "lernen", "nutze", "benutze", "verwende", "programmiere", "entwickle", "schreibe",
        "aprendo", "aprendiendo", "aprender", "uso", "usando", "utilizo", "utilizando", "programo",
        "programando", "desarrollo", "desarrollando", "estudio", "estudiando", "aprendendo",
        "estudando", "desenvolvo", "desenvolvendo", "apprends", "apprendre", "utilise",
        "utiliser", "développe", "développer", "programme", "imparando", "imparare", "utilizzo",
        "sviluppo", "studiando", "scrivo", "programmo",
    ),
})
# Words between such a verb and the skill that do not break the link ("lerne gerade Go",
# "currently learning", "using mostly Go").
ADVERBS = frozenset({
    "currently", "mostly", "mainly", "primarily", "also", "now", "still", "gerade", "jetzt",
    "momentan", "aktuell", "zurzeit", "auch", "actualmente", "ahora", "también", "atualmente",
    "agora", "também", "actuellement", "maintenant", "aussi", "attualmente", "ora", "anche",
    "principalmente", "hauptsächlich", "surtout",
})
# Two words right before a skill that name taking it up ("get into Go", "pick up Rust").
STRONG_PAIRS_BEFORE = frozenset({
    ("get", "into"), ("getting", "into"), ("got", "into"), ("dive", "into"), ("diving", "into"),
    ("dig", "into"), ("digging", "into"), ("pick", "up"), ("picking", "up"), ("picked", "up"),
    ("switch", "to"), ("switching", "to"), ("switched", "to"), ("transition", "to"),
    ("transitioning", "to"), ("start", "with"),
    ("starting", "with"), ("started", "with"), ("new", "to"), ("dabble", "in"),
    ("trabajo", "con"), ("trabajando", "con"), ("trabalho", "com"), ("trabalhando", "com"),
    ("arbeite", "mit"), ("travaille", "avec"), ("lavoro", "con"), ("programo", "en"),
    ("programo", "em"), ("programmiere", "in"),
})
# Weak hints: prepositions that often introduce a tool ("in Go", "with Rust", "from PHP").
WEAK_BEFORE = frozenset({"in", "with", "from", "via", "into", "like", "about"})
# Before these, a lowercase common word is a verb or phrase, not a name ("I go", "to express").
VERB_BEFORE = frozenset({
    "i", "you", "we", "they", "he", "she", "it", "to", "will", "would", "can", "could", "should",
    "must", "might", "may", "lets", "let's", "don't", "didn't", "doesn't", "won't", "cannot",
    "can't", "please", "never", "also", "just", "always", "often", "really", "t", "s",
})
DETERMINERS = frozenset({
    "my", "your", "his", "her", "our", "their", "its", "a", "an", "the", "this", "that", "some",
    "any", "every", "each", "very", "so", "too", "quite",
})
YEARS = frozenset({"years", "yrs", "months", "lots", "bit", "decade", "decades"})
# Words around a person's or company's name ("a startup called Flux", "my colleague Julia").
NAMING = frozenset({
    "called", "named", "nicknamed", "dubbed", "titled", "alias", "aka", "colleague", "friend",
    "wife", "husband", "daughter", "son", "sister", "brother", "mom", "dad", "manager", "boss",
    "mr", "mrs", "ms", "dr", "meet", "met", "thanks", "thank", "hi", "hello", "dear", "cofounder",
    "co-founder", "founder", "ceo", "cto",
})
# Greetings among NAMING: "hi, react dev here" names a technology when a role noun follows.
GREETINGS = frozenset({"hi", "hello", "dear", "thanks", "thank"})
NAME_AFTER = frozenset({"said", "says", "told", "asked", "helped", "thinks", "thought", "who"})
# Words right after a skill that show it is a technology ("Go developer", "React version").
STRONG_AFTER = frozenset({
    "developer", "developers", "dev", "devs", "engineer", "engineers", "engineering", "programmer",
    "question", "questions",
    "programmers", "programming", "code", "coding", "codebase", "library", "libraries", "lib",
    "framework", "frameworks", "app", "apps", "application", "applications", "api", "apis",
    "backend", "back-end", "frontend", "front-end", "service", "services", "microservice",
    "microservices", "server", "servers", "stack", "project", "projects", "version", "versions",
    "sdk", "lang", "language", "development", "module", "modules", "package", "packages",
    "runtime", "compiler", "script", "scripts", "scripting", "cluster", "clusters", "ecosystem",
    "toolchain", "tooling", "bindings", "syntax", "generics", "goroutines", "goroutine",
    "channels", "experience", "expertise", "skills", "certification", "certified", "ide",
    "binary", "binaries", "interop", "web", "mobile", "ios", "android", "tests", "testing",
    "components", "component", "hooks", "plugin", "plugins", "query", "queries", "database",
    "schema", "instance", "instances", "deployment", "deployments", "pipeline", "pipelines",
    "boot", "mvc", "native", "ui", "devops", "integration", "migration", "middleware",
    "routes", "router", "handlers", "handler", "workers", "jobs", "types", "interfaces",
    "lernen", "erlernen", "gelernt", "programmieren", "entwickeln",  # German verb-final
    "beginner", "beginners", "newbie", "newbies", "expert", "experts", "enthusiast",
    "enthusiasts",  # a level or a fan of it: "Python beginner", "Rust enthusiast"
})
# Second halves of compounds that make the first half a technology ("Go-based", "Rust-powered");
# other compounds ("C-level", "Go-karts") do not.
COMPOUND_AFTER = frozenset({"based", "powered", "backed", "built", "written", "centric"})
# General software vocabulary anywhere near a candidate: weak evidence of a technical context.
TECH_VOCAB = frozenset({
    "concurrency", "concurrent", "bug", "bugs", "debugging", "debug", "deploy", "deployed",
    "database", "databases", "query", "queries", "server", "servers", "api", "apis", "backend",
    "frontend", "code", "coding", "programming", "developer", "developers", "engineer",
    "library", "framework", "microservice", "microservices", "pipeline", "pipelines",
    "infrastructure", "shutdown", "graceful", "latency", "async", "thread", "threads",
    "runtime", "compile", "compiler", "production", "refactor", "refactoring", "repo",
    "repository", "stack", "statistics", "statistical",
    "scripting", "script", "scripts", "sdk", "ios", "macos", "kernel", "embedded", "firmware",
    "cli", "tooling", "containers", "container", "cluster", "deployment", "devops", "software",
    "typed", "syntax", "garbage", "goroutines", "web", "frameworks", "libraries",
    "orm", "json", "rest", "graphql", "grpc", "app", "apps", "mobile", "data", "analytics",
})
# "Go is my daily driver", "Swift is my main language": "<name> is my" and one of these within
# two words names the member's own tool (not "Spring is my favourite season").
OWN_TOOL_NOUNS = frozenset({
    "driver", "language", "languages", "lang", "stack", "framework", "tool", "toolkit", "editor",
    "ide", "weapon", "platform", "runtime", "database", "db", "os", "distro", "hobby",
})
# Job titles written short, which make a "|" line one about work ("SWE | Singapore | Go").
ROLE_ABBREVIATIONS = frozenset({"swe", "sde", "sre", "eng", "cto", "qa", "sdet", "em", "pm"})
# Determiners that may stand between the copula and such a noun: "Rust is a weekend hobby".
OWN_TOOL_DETERMINERS = frozenset({"my", "a", "our"})
# Words right after a name that say how the member uses it: "py on the side", "Go at work".
USAGE_AFTER: frozenset[tuple[str, ...]] = frozenset({
    ("on", "the", "side"), ("at", "work"), ("at", "home"), ("for", "fun"), ("in", "production"),
    ("daily",), ("professionally",),
})
# Words right before a language that name a flavour of it: "embedded C", "low-level C",
# "bare-metal Rust", "modern C++" (the scan copy turns hyphens into spaces).
FLAVOUR_BEFORE = frozenset({"embedded", "modern", "idiomatic", "ansi", "vanilla"})
FLAVOUR_PAIRS_BEFORE = frozenset({("low", "level"), ("bare", "metal")})

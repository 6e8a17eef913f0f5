#!/usr/bin/env python3
"""Where a service's CPU samples fall, from a Java Flight Recorder file of deploy/bench.sh --profile.

Usage: deploy/profiles/where-the-time-went.py bench-results/<time>/logs/dispatch-service.jfr [REGEX | --under METHOD]
Prints the share of samples by what the thread was doing (the first category its stack matches) and by library
anywhere in the stack; with REGEX, the Feiyan frame under which the samples whose stack matches REGEX ran; with
--under METHOD (a regex matching whole frames, e.g. 'CaseReactions\.open'), what the samples under that method were
calling, each callee with its share of all samples.
Needs a JDK 21+ 'jfr' (JFR_TOOL, default /usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr).
"""
import collections, os, re, subprocess, sys

DOING = [
    ("inbox consume", r"messaging\.Inbox\.consume"),
    ("kafka consumer", r"org\.apache\.kafka\.clients\.consumer"),
    ("kafka producer", r"org\.apache\.kafka\.clients\.producer"),
    ("outbox relay", r"OutboxRelay\.relayBatch"),
    ("http request (vertx/resteasy)", r"org\.jboss\.resteasy\.reactive\.server|io\.quarkus\.vertx\.http"),
    ("scheduler", r"io\.quarkus\.scheduler"),
]
LIBRARIES = [
    ("hibernate flush", r"org\.hibernate\.event\.internal\.(AbstractFlushingEventListener|DefaultFlushEventListener|DefaultAutoFlushEventListener)"),
    ("hibernate query/load", r"org\.hibernate\.(query|loader|sql\.exec|engine\.internal\.StatefulPersistenceContext)"),
    ("jdbc driver", r"org\.postgresql"),
    ("jackson", r"com\.fasterxml\.jackson"),
    ("jwt", r"io\.smallrye\.jwt|org\.jose4j"),
    ("narayana tx", r"com\.arjuna|io\.quarkus\.narayana"),
    ("otel", r"io\.opentelemetry"),
    ("micrometer", r"io\.micrometer"),
    ("agroal pool", r"io\.agroal"),
    ("logging", r"org\.jboss\.logmanager|org\.jboss\.logging"),
]


def samples(jfr_file):
    tool = os.environ.get("JFR_TOOL", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr")
    text = subprocess.run([tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", jfr_file],
                          check=True, capture_output=True, text=True).stdout
    return text.split("jdk.ExecutionSample")[1:]


def main():
    all_samples = samples(sys.argv[1])
    total = len(all_samples)
    if len(sys.argv) > 3 and sys.argv[2] == "--under":
        method = re.compile(sys.argv[3] + "$")
        callees = collections.Counter()
        for sample in all_samples:
            frames = re.findall(r"^\s+([\w.$<>]+)\(", sample, re.M)  # the innermost first
            at = next((i for i, frame in enumerate(frames) if method.search(frame)), None)
            if at is not None:
                callees[frames[at - 1] if at > 0 else "(its own code)"] += 1
        print(f"under {sys.argv[3]}: {100 * sum(callees.values()) / total:.1f}% of {total} samples")
        for frame, n in callees.most_common(12):
            print(f"  {100 * n / total:5.1f}%  {frame}")
        return
    if len(sys.argv) > 2:
        wanted = re.compile(sys.argv[2])
        under = collections.Counter()
        for sample in all_samples:
            if wanted.search(sample):
                frames = re.findall(r"^\s+([\w.$]+)\(", sample, re.M)
                under[next((f for f in frames if f.startswith("io.feiyan")), "(no Feiyan frame)")] += 1
        for frame, n in under.most_common(15):
            print(f"  {100 * n / total:5.1f}%  {frame}")
        return
    doing, libraries = collections.Counter(), collections.Counter()
    for sample in all_samples:
        doing[next((name for name, rx in DOING if re.search(rx, sample)), "other")] += 1
        for name, rx in LIBRARIES:
            if re.search(rx, sample):
                libraries[name] += 1
    print(f"{total} samples")
    for name, n in doing.most_common():
        print(f"  {name:32s} {100 * n / total:5.1f}%")
    print("  -- anywhere in the stack:")
    for name, n in libraries.most_common():
        print(f"  {name:32s} {100 * n / total:5.1f}%")


if __name__ == "__main__":
    main()

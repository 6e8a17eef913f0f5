# Sourced by the deploy scripts: the built launcher (module launcher) and running one of its tools.
launcher_jar="launcher/target/feiyan-launcher-0.1.0-SNAPSHOT.jar"
launcher_classpath="$launcher_jar:launcher/target/lib/*"

# run_tool CLASS [ARGS...]: runs io.feiyan.launcher.CLASS (demo.CountyGenerator, LocalFeiyan, ...).
run_tool() {
  java -cp "$launcher_classpath" "io.feiyan.launcher.$1" "${@:2}"
}

# The JVM of a process that runs as long as the system (the local run's launcher with its Kafka broker, the
# benchmark): a heap that starts small and grows as it needs, the serial collector, no performance counters sampled.
server_jvm_options=(-Xms32m -Xmx512m -XX:+UseSerialGC -XX:-UsePerfData)

# exec_tool CLASS [ARGS...]: the same, in place of the script, so that Ctrl-C and signals reach the tool.
exec_tool() {
  exec java "${server_jvm_options[@]}" -cp "$launcher_classpath" "io.feiyan.launcher.$1" "${@:2}"
}

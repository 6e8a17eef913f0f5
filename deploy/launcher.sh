# Sourced by the deploy scripts: the built launcher (the embedded module) and running one of its tools.
launcher="embedded/target/feiyan-embedded-0.1.0-SNAPSHOT.jar"
classpath="$launcher:embedded/target/lib/*"

# run_tool CLASS [ARGS...]: runs io.feiyan.embedded.CLASS with the launcher's classpath.
run_tool() {
  java -cp "$classpath" "io.feiyan.embedded.$1" "${@:2}"
}

# exec_tool CLASS [ARGS...]: the same, in place of the script, so that Ctrl-C and signals reach the tool.
exec_tool() {
  exec java -cp "$classpath" "io.feiyan.embedded.$1" "${@:2}"
}

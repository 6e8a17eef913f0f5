# Sourced by the deploy scripts: the built launcher (module launcher) and running one of its tools.
launcher_jar="launcher/target/feiyan-launcher-0.1.0-SNAPSHOT.jar"
launcher_classpath="$launcher_jar:launcher/target/lib/*"

# run_tool CLASS [ARGS...]: runs io.feiyan.launcher.CLASS (demo.CountyGenerator, LocalFeiyan, ...).
run_tool() {
  java -cp "$launcher_classpath" "io.feiyan.launcher.$1" "${@:2}"
}

# exec_tool CLASS [ARGS...]: the same, in place of the script, so that Ctrl-C and signals reach the tool.
exec_tool() {
  exec java -cp "$launcher_classpath" "io.feiyan.launcher.$1" "${@:2}"
}

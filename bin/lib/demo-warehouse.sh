# Sourced by bin/demo and bin/notebooks: builds a warehouse from generated sample regional files.
#   demo_warehouse DIR [--key=value ...]   sample files in DIR/incoming, the warehouse in DIR/warehouse
# Needs the modules packaged (target/runtime-classpath.txt); SPARK_LOCAL_IP is set to loopback.

export SPARK_LOCAL_IP=127.0.0.1
classpath() { echo "$1/target/classes:$(cat "$1/target/runtime-classpath.txt")"; }
step() { printf '\n== %s\n' "$*"; }

demo_warehouse() {
  local dir=$1
  shift
  local args=(--incoming.dir="$dir/incoming" --warehouse.dir="$dir/warehouse" --etl.warehouse-key-file="$dir/keys/warehouse.key" "$@")
  # The warehouse re-keys every pseudonym with its own secret: the demo makes one (never committed).
  if [ ! -s "$dir/keys/warehouse.key" ]; then
    mkdir -p "$dir/keys" && (umask 077 && head -c 32 /dev/urandom | base64 > "$dir/keys/warehouse.key")
  fi

  step "Writing sample regional files"
  rm -rf "$dir/incoming"
  java -Xmx1g -cp "$(classpath etl)" al.antitrafficking.etl.sample.GenerateSampleCommand "${args[@]}"

  step "Spark ETL: validating and loading into a new warehouse snapshot"
  java -Xmx1g @conf/jvm/spark-java17.args -cp "$(classpath etl)" al.antitrafficking.etl.ingest.IngestCommand "${args[@]}"

  step "Building the DuckDB warehouse and publishing the snapshot"
  java -Xmx1g -cp "$(classpath warehouse)" al.antitrafficking.warehouse.build.BuildWarehouseCommand "${args[@]}"
}

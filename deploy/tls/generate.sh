#!/usr/bin/env bash
# Generates the certificates for mutual TLS between the gateway and the services (docs/operations.md, "Mutual TLS
# between the gateway and the services"), with the JDK's keytool, into PKCS12 files in <dir>:
#
#   ca.p12          the certificate authority's key: keep it away from the services; it signs new certificates
#   ca.pem          the authority's certificate
#   truststore.p12  the authority's certificate alone: what a service and the gateway trust
#   <service>.p12   a service's key and certificate chain (names: localhost, 127.0.0.1 and the service's name, its
#                   host name in deploy/compose.yaml), for its HTTPS port
#   gateway.p12     the gateway's key and certificate chain, which it presents to the services as a client
#
#   deploy/tls/generate.sh <dir> [service...]    (the seven services when none is named)
#
# An existing ca.p12 in <dir> is reused, so that new certificates are trusted where the old ones were; the files it
# writes are replaced. Every file's password is $ORDO_TLS_PASSWORD (default: changeit; no spaces); certificates are
# valid for $ORDO_TLS_VALIDITY_DAYS days (default: 365). keytool is taken from $JAVA_HOME when set, else from the PATH.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <dir> [service...]" >&2
  exit 2
fi
dir=$1
shift
services=("$@")
if [[ ${#services[@]} -eq 0 ]]; then
  services=(catalog orders query inventory shipping notifications payments)
fi
password=${ORDO_TLS_PASSWORD:-changeit}
days=${ORDO_TLS_VALIDITY_DAYS:-365}
keytool=keytool
if [[ -n ${JAVA_HOME:-} ]]; then
  keytool=$JAVA_HOME/bin/keytool
fi
mkdir -p "$dir"
cd "$dir"

# each keytool run is a short-lived JVM: tuned to start fast rather than to run long
kt() { "$keytool" -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC "$@"; }
store() { echo -keystore "$1" -storetype PKCS12 -storepass "$password"; }

if [[ ! -f ca.p12 ]]; then
  # a CA certificate must say so (basic constraints, critical) and may sign certificates (key usage), or the JDK's
  # certificate path validation refuses the chains it signed
  kt -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=Ordo marketplace CA" \
    -ext BC:c=ca:true,pathlen:0 -ext KU:c=keyCertSign,cRLSign -validity "$days" $(store ca.p12)
fi
kt -exportcert -rfc -alias ca $(store ca.p12) -file ca.pem
rm -f truststore.p12
kt -importcert -noprompt -alias ca -file ca.pem $(store truststore.p12)

# <name> <extended key usage> <subject alternative names>: a key pair, its certificate signed by the CA, and the chain
# (the certificate, then the CA's) in <name>.p12
issue() {
  local name=$1 usage=$2 names=$3
  rm -f "$name.p12"
  kt -genkeypair -alias "$name" -keyalg EC -groupname secp256r1 -dname "CN=$name" -validity "$days" \
    $(store "$name.p12")
  kt -certreq -alias "$name" $(store "$name.p12") \
    | kt -gencert -rfc -alias ca $(store ca.p12) -validity "$days" -ext "SAN=$names" -ext "EKU=$usage" \
        -ext KU=digitalSignature > "$name.pem"
  cat ca.pem >> "$name.pem"
  kt -importcert -noprompt -alias "$name" -file "$name.pem" $(store "$name.p12")
  rm "$name.pem"
}

for service in "${services[@]}"; do
  issue "$service" serverAuth "dns:localhost,ip:127.0.0.1,dns:$service"
done
issue gateway clientAuth "dns:gateway"

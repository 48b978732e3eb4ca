#!/usr/bin/env bash
# Prints a new member-card signing key as a private JWK (ES256, EC P-256) with the given key id, e.g.
#   docs/new-card-key.sh card-2026-12
# Put it in the JWK set of GONGHUI_CARD_KEYS ({"keys":[...]}) and name it in GONGHUI_CARD_ACTIVE_KEY
# (README, "Member card"). Needs openssl and xxd; the key never touches the disk.
set -euo pipefail
kid=${1:?usage: $0 KEY_ID}
[[ "$kid" =~ ^[A-Za-z0-9._-]{1,64}$ ]] || { echo "key id: letters, digits, . _ - (at most 64)" >&2; exit 2; }
b64url() { xxd -r -p | openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# SEC1 DER of a P-256 key has a fixed layout: d at byte 7, the public point 04||x||y at bytes 56..120.
der=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null | openssl ec -outform DER 2>/dev/null | xxd -p | tr -d '\n')
[ ${#der} -eq 242 ] && [ "${der:0:14}" = 30770201010420 ] && [ "${der:112:2}" = 04 ] || { echo "unexpected key encoding from openssl" >&2; exit 1; }
printf '{"kty":"EC","crv":"P-256","kid":"%s","x":"%s","y":"%s","d":"%s"}\n' \
    "$kid" "$(b64url <<<"${der:114:64}")" "$(b64url <<<"${der:178:64}")" "$(b64url <<<"${der:14:64}")"

#!/usr/bin/env bash
# Regenerates the Kiota client from the document a test silo serves:
#   1. OpenApiDocumentTests writes the served document over openapi-v1.json (DISPATCH_UPDATE_OPENAPI=1);
#   2. kiota (the dotnet tool in .config/dotnet-tools.json) generates Generated/ from it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
DISPATCH_UPDATE_OPENAPI=1 dotnet test tests/Silo.Tests \
  --filter "FullyQualifiedName~Dispatch.Silo.Tests.Api.OpenApiDocumentTests.ServedDocument_IsTheOneTheClientWasGeneratedFrom" >/dev/null || true
dotnet tool restore >/dev/null
KIOTA_OFFLINE_ENABLED=true dotnet kiota generate --language CSharp --openapi tests/Dispatch.Client/openapi-v1.json \
  --output tests/Dispatch.Client/Generated --class-name DispatchClient --namespace-name Dispatch.Client \
  --exclude-backward-compatible --clean-output --log-level Warning

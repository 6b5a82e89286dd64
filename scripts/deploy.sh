#!/usr/bin/env bash
# Deploys the Expense Tracker to your AWS account with template.yaml: publishes the app for Lambda (linux-x64,
# ReadyToRun), zips it, runs `sam deploy` (guided the first time), and uploads wwwroot-static to the stack's bucket
# under a prefix new to this deploy (static/v-<version>/), so browsers never run old CSS/JS with new pages.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/deploy.sh [options]

Publishes the app, deploys template.yaml with the SAM CLI and uploads wwwroot-static to S3.

Needs: the .NET 10 SDK, zip, the AWS CLI v2, the AWS SAM CLI, and AWS credentials allowed to create the
stack's resources (IAM roles, Lambda, API Gateway, DynamoDB, SNS, SQS, EventBridge Pipes, S3, CloudFront),
for example from `aws configure sso` or AWS_PROFILE.

Options:
  --guided              Ask for every setting (stack name, region, alert email) and save them in samconfig.toml.
                        This is the default while samconfig.toml does not exist.
  --stack-name NAME     The CloudFormation stack (default: the one in samconfig.toml, else expense-tracker).
  --alert-email ADDR    Where budget alerts are emailed (asked for on the first, guided deploy).
  --asset-version VER   The static asset version (default: UTC time and git commit, e.g. 20261115T063000-1a2b3c4d).
  --dry-run             Print every command instead of running it; needs none of the tools above.
  -h, --help            Show this help.
EOF
}

fail_usage() {
  echo "deploy.sh: $1" >&2
  echo "Run scripts/deploy.sh --help for the options." >&2
  exit 2
}

cd "$(dirname "$0")/.."

guided=""
dry_run=""
stack_name=""
alert_email=""
asset_version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --guided) guided=1 ;;
    --dry-run) dry_run=1 ;;
    --stack-name | --alert-email | --asset-version)
      if [ $# -lt 2 ] || [ -z "$2" ]; then
        fail_usage "$1 needs a value."
      fi
      case "$1" in
        --stack-name) stack_name="$2" ;;
        --alert-email) alert_email="$2" ;;
        --asset-version) asset_version="$2" ;;
      esac
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) fail_usage "unknown option '$1'." ;;
  esac
  shift
done

if [ -n "$stack_name" ] && ! [[ "$stack_name" =~ ^[A-Za-z][A-Za-z0-9-]{0,127}$ ]]; then
  fail_usage "the stack name '$stack_name' must start with a letter and hold only letters, digits and dashes."
fi
if [ -n "$alert_email" ] && ! [[ "$alert_email" =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]]; then
  fail_usage "'$alert_email' is not an email address."
fi
if [ -z "$asset_version" ]; then
  asset_version="$(date -u +%Y%m%dT%H%M%S)-$(git rev-parse --short=8 HEAD 2>/dev/null || echo local)"
fi
# The same rule as the AssetVersion parameter in template.yaml.
if ! [[ "$asset_version" =~ ^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$ ]]; then
  fail_usage "the asset version '$asset_version' may hold only letters, digits, dots and dashes."
fi
[ -f samconfig.toml ] || guided=1

artifacts="artifacts/lambda"
publish_dir="$artifacts/publish"
zip_file="$artifacts/expense-tracker-web.zip"
asset_prefix="static/v-$asset_version"

# Prints each command; runs it unless this is a dry run.
run() {
  printf '+'
  printf ' %q' "$@"
  printf '\n'
  [ -n "$dry_run" ] || "$@"
}

step() {
  printf '\n==> %s\n' "$1"
}

if [ -z "$dry_run" ]; then
  missing=""
  for tool in dotnet zip aws sam; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
  done
  if [ -n "$missing" ]; then
    echo "deploy.sh needs:$missing (see scripts/deploy.sh --help)." >&2
    exit 1
  fi
  if ! aws sts get-caller-identity >/dev/null 2>&1; then
    echo "No usable AWS credentials: run 'aws configure sso' (or set AWS_PROFILE) and try again." >&2
    exit 1
  fi
fi

stack_args=()
[ -z "$stack_name" ] || stack_args=(--stack-name "$stack_name")
[ -n "$stack_name" ] || [ -f samconfig.toml ] || stack_name="expense-tracker"

# The stack's asset bucket, or nothing when the stack does not exist yet.
asset_bucket() {
  if [ -n "$dry_run" ]; then
    echo "dry-run-asset-bucket"
    return
  fi
  local name="${stack_name:-$(sed -n 's/^stack_name *= *"\(.*\)"/\1/p' samconfig.toml | head -n 1)}"
  aws cloudformation describe-stacks --stack-name "$name" \
    --query "Stacks[0].Outputs[?OutputKey=='AssetBucketName'].OutputValue" --output text 2>/dev/null || true
}

upload_assets() {
  step "Uploading wwwroot-static to s3://$1/$asset_prefix/ (cached for a year: the prefix is new each deploy)"
  run aws s3 sync wwwroot-static "s3://$1/$asset_prefix/" --no-progress \
    --cache-control "public, max-age=31536000, immutable"
}

step "Publishing the app for Lambda (linux-x64, ReadyToRun)"
run rm -rf "$artifacts"
run dotnet publish ExpenseTracker.Web/ExpenseTracker.Web.csproj --configuration Release \
  --runtime linux-x64 --self-contained false --output "$publish_dir"
step "Zipping it into $zip_file for the dotnet10 runtime (keeping the app host executable; CloudFront serves wwwroot-static)"
if [ -n "$dry_run" ]; then
  printf '+ (cd %s && zip -q -r -X ../%s . -x %s)\n' "$publish_dir" "$(basename "$zip_file")" "'wwwroot-static/*'"
else
  (cd "$publish_dir" && zip -q -r -X "../$(basename "$zip_file")" . -x 'wwwroot-static/*')
fi

# Assets go up before the new pages that link to them, except on the first deploy, which creates the bucket.
bucket="$(asset_bucket)"
if [ -n "$bucket" ] && [ "$bucket" != "None" ]; then
  upload_assets "$bucket"
fi

overrides=("AssetVersion=$asset_version")
[ -z "$alert_email" ] || overrides+=("AlertEmail=$alert_email")
step "Deploying template.yaml"
if [ -n "$guided" ]; then
  run sam deploy --guided --template-file template.yaml "${stack_args[@]}" --capabilities CAPABILITY_IAM \
    --parameter-overrides "${overrides[@]}"
else
  # Parameters not given here (the alert email) keep their values from the previous deploy.
  run sam deploy --template-file template.yaml "${stack_args[@]}" --parameter-overrides "${overrides[@]}"
fi

if [ -z "$bucket" ] || [ "$bucket" = "None" ]; then
  bucket="$(asset_bucket)"
  if [ -z "$bucket" ] || [ "$bucket" = "None" ]; then
    echo "The stack has no AssetBucketName output." >&2
    exit 1
  fi
  upload_assets "$bucket"
fi

step "Done"
echo "Asset version: $asset_version"
if [ -z "$dry_run" ]; then
  name="${stack_name:-$(sed -n 's/^stack_name *= *"\(.*\)"/\1/p' samconfig.toml | head -n 1)}"
  echo "Site: $(aws cloudformation describe-stacks --stack-name "$name" \
    --query "Stacks[0].Outputs[?OutputKey=='SiteUrl'].OutputValue" --output text)"
fi
cat <<'EOF'

Budget alerts are emailed through SNS: after the first deploy AWS sends a "Subscription Confirmation" email to
the alert address. Open it and confirm, or no alert will ever arrive. (CloudFront may take a few minutes to
serve a new distribution.)
EOF

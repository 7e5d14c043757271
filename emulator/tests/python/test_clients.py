"""boto3 and the AWS CLI drive the kms-emulator through the whole custom key store lifecycle.

The emulator binary is KMS_EMULATOR_BIN; every request is SigV4-signed by botocore and checked
by the emulator (the config lists the credential).
"""

import json
import os
import subprocess
import tempfile
import time

import boto3
import botocore.exceptions
import pytest

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
REGION = "eu-west-1"

CONFIG = f"""
region = "{REGION}"
connect_delay_ms = 100
[[credentials]]
access_key_id = "{ACCESS_KEY}"
secret_access_key = "{SECRET_KEY}"
[[cloudhsm_clusters]]
cluster_id = "cluster-aaaaaaaaaaa"
trust_anchor_certificate = "anchor"
kmsuser_password = "kmsuser-pass"
[[cloudhsm_clusters]]
cluster_id = "cluster-bbbbbbbbbbb"
trust_anchor_certificate = "anchor"
kmsuser_password = "kmsuser-pass"
[[cloudhsm_clusters]]
cluster_id = "cluster-ccccccccccc"
trust_anchor_certificate = "anchor"
kmsuser_password = "kmsuser-pass"
"""


@pytest.fixture()
def endpoint():
    with tempfile.TemporaryDirectory() as directory:
        config = os.path.join(directory, "config.toml")
        with open(config, "w") as file:
            file.write(CONFIG)
        process = subprocess.Popen(
            [os.environ["KMS_EMULATOR_BIN"], "--listen", "127.0.0.1:0", "--config", config],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = process.stdout.readline()
        assert line.startswith("listening on http://127.0.0.1:"), line
        try:
            yield line.strip().removeprefix("listening on ")
        finally:
            process.terminate()
            assert process.wait(timeout=10) == 0


def kms(endpoint, secret=SECRET_KEY):
    return boto3.client(
        "kms",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=secret,
    )


def create(client, name, cluster):
    return client.create_custom_key_store(
        CustomKeyStoreName=name,
        CloudHsmClusterId=cluster,
        TrustAnchorCertificate="anchor",
        KeyStorePassword="kmsuser-pass",
    )["CustomKeyStoreId"]


def wait_settled(client, store_id):
    for _ in range(200):
        entry = client.describe_custom_key_stores(CustomKeyStoreId=store_id)["CustomKeyStores"][0]
        if entry["ConnectionState"] != "CONNECTING":
            return entry
        time.sleep(0.02)
    raise AssertionError(f"{store_id} stayed CONNECTING")


def test_boto3_lifecycle_and_paginator(endpoint):
    client = kms(endpoint)
    ids = [create(client, f"boto-{n}", f"cluster-{c * 11}") for n, c in enumerate("abc")]
    assert all(i.startswith("cks-") and len(i) == 21 for i in ids)

    paginator = client.get_paginator("describe_custom_key_stores")
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 1}))
    assert [p["CustomKeyStores"][0]["CustomKeyStoreId"] for p in pages] == ids
    assert [p["Truncated"] for p in pages] == [True, True, False]
    entry = pages[0]["CustomKeyStores"][0]
    assert entry["ConnectionState"] == "DISCONNECTED"
    assert entry["CustomKeyStoreType"] == "AWS_CLOUDHSM"
    assert "XksProxyConfiguration" not in entry and "KeyStorePassword" not in entry

    store = ids[0]
    client.connect_custom_key_store(CustomKeyStoreId=store)
    assert wait_settled(client, store)["ConnectionState"] == "CONNECTED"
    client.update_custom_key_store(CustomKeyStoreId=store, NewCustomKeyStoreName="boto-renamed")
    with pytest.raises(client.exceptions.CustomKeyStoreInvalidStateException):
        client.delete_custom_key_store(CustomKeyStoreId=store)
    client.disconnect_custom_key_store(CustomKeyStoreId=store)
    client.delete_custom_key_store(CustomKeyStoreId=store)
    with pytest.raises(client.exceptions.CustomKeyStoreNotFoundException):
        client.describe_custom_key_stores(CustomKeyStoreId=store)
    with pytest.raises(client.exceptions.CustomKeyStoreNameInUseException):
        create(client, "boto-1", "cluster-aaaaaaaaaaa")


def test_a_pattern_violation_boto3_does_not_catch(endpoint):
    client = kms(endpoint)
    # 21 characters (within the length boto3 checks), but `1` is not in [2-7a-zA-Z].
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        create(client, "bad-cluster", "cluster-1111111111111")
    assert caught.value.response["Error"]["Code"] == "ValidationException"
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_a_wrong_secret_is_refused(endpoint):
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        kms(endpoint, secret="not-the-secret").describe_custom_key_stores()
    assert caught.value.response["Error"]["Code"] == "InvalidSignatureException"


def aws(endpoint, *args):
    environment = dict(
        os.environ,
        AWS_ACCESS_KEY_ID=ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=SECRET_KEY,
        AWS_DEFAULT_REGION=REGION,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    )
    return subprocess.run(
        [os.environ["AWS_CLI"], "kms", *args, "--endpoint-url", endpoint, "--output", "json"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_aws_cli_lifecycle(endpoint):
    created = aws(
        endpoint,
        "create-custom-key-store",
        "--custom-key-store-name", "cli-store",
        "--cloud-hsm-cluster-id", "cluster-aaaaaaaaaaa",
        "--trust-anchor-certificate", "anchor",
        "--key-store-password", "kmsuser-pass",
    )
    assert created.returncode == 0, created.stderr
    store = json.loads(created.stdout)["CustomKeyStoreId"]
    described = aws(endpoint, "describe-custom-key-stores", "--custom-key-store-name", "cli-store")
    assert described.returncode == 0, described.stderr
    assert json.loads(described.stdout)["CustomKeyStores"][0]["CustomKeyStoreId"] == store
    assert aws(endpoint, "connect-custom-key-store", "--custom-key-store-id", store).returncode == 0
    assert wait_settled(kms(endpoint), store)["ConnectionState"] == "CONNECTED"
    assert aws(endpoint, "disconnect-custom-key-store", "--custom-key-store-id", store).returncode == 0
    again = aws(endpoint, "disconnect-custom-key-store", "--custom-key-store-id", store)
    assert again.returncode != 0
    assert "CustomKeyStoreInvalidStateException" in again.stderr
    assert aws(endpoint, "delete-custom-key-store", "--custom-key-store-id", store).returncode == 0
    gone = aws(endpoint, "describe-custom-key-stores", "--custom-key-store-id", store)
    assert "CustomKeyStoreNotFoundException" in gone.stderr

// Smithy IDL 2.0 twin of models/kms-custom-key-stores.json: the KMS
// TrentService reduced to its six custom-key-store operations. Loading this file
// must give exactly the model in the JSON AST file (shapes, member order, traits).

$version: "2.0"

namespace com.amazonaws.kms

use aws.auth#sigv4
use aws.protocols#awsJson1_1
use aws.protocols#awsQueryError

/// <p>AWS Key Management Service (KMS) creates and controls the cryptographic keys that protect your data. This model covers only the <a href="https://docs.aws.amazon.com/kms/latest/developerguide/custom-key-store-overview.html">custom key store</a> operations, which let KMS keys live in key material you hold yourself: either a CloudHSM cluster you own or an external key manager reached through an external key store proxy.</p><p><b>The life of a custom key store</b></p><ul><li><p><b>Create</b> it with <code>CreateCustomKeyStore</code>. A new store is <code>DISCONNECTED</code>.</p></li><li><p><b>Connect</b> it with <code>ConnectCustomKeyStore</code>. The call only starts the work: it answers HTTP 200 with an empty object while KMS sets up the connection in the background, which can take minutes. Poll <code>DescribeCustomKeyStores</code> and watch <code>ConnectionState</code> go from <code>CONNECTING</code> to <code>CONNECTED</code>.</p></li><li><p>If the state becomes <code>FAILED</code>, <code>ConnectionErrorCode</code> names the cause (for example <code>INVALID_CREDENTIALS</code>, <code>NETWORK_ERRORS</code> or <code>XKS_PROXY_TIMED_OUT</code>). A failed store stays failed: disconnect it, fix the cause, then connect again.</p></li><li><p><b>Disconnect</b> it with <code>DisconnectCustomKeyStore</code> (state <code>DISCONNECTING</code>, then <code>DISCONNECTED</code>). While disconnected, its KMS keys cannot be used.</p></li><li><p><b>Update</b> it with <code>UpdateCustomKeyStore</code>. Renaming works at any time; most other changes need a disconnected store.</p></li><li><p><b>Delete</b> it with <code>DeleteCustomKeyStore</code> once it is disconnected and holds no KMS keys.</p></li></ul><p>Every call is an <code>awsJson1_1</code> request signed with Signature Version 4 (signing name <code>kms</code>). Failures arrive as the typed errors each operation lists, such as <code>CustomKeyStoreNotFoundException</code> or <code>CustomKeyStoreInvalidStateException</code>.</p>
@aws.api#service(
    sdkId: "KMS"
    arnNamespace: "kms"
    cloudFormationName: "KMS"
    cloudTrailEventSource: "kms.amazonaws.com"
    endpointPrefix: "kms"
)
@sigv4(name: "kms")
@awsJson1_1
@title("AWS Key Management Service")
@xmlNamespace(uri: "https://trent.amazonaws.com/doc/2014-11-01/")
service TrentService {
    version: "2014-11-01"
    operations: [
        ConnectCustomKeyStore
        CreateCustomKeyStore
        DeleteCustomKeyStore
        DescribeCustomKeyStores
        DisconnectCustomKeyStore
        UpdateCustomKeyStore
    ]
}

/// <p>Starts connecting a custom key store to whatever backs it: the CloudHSM cluster of a CloudHSM key store, or the external key store proxy of an external key store. KMS keys in the store can only be created or used while it is connected.</p><p>The call does not wait for the connection to finish, which can take a while. On success it returns HTTP 200 with an empty JSON object; poll <code>DescribeCustomKeyStores</code> and look at <code>ConnectionState</code> to learn the outcome. If the state becomes <code>FAILED</code>, <code>ConnectionErrorCode</code> says why; disconnect the store, fix the cause, and connect again.</p><p>See <a href="https://docs.aws.amazon.com/kms/latest/developerguide/custom-key-store-overview.html">Custom key stores</a> in the developer guide.</p>
@examples([
    {
        title: "Connect a custom key store",
        documentation: "<p>Begins connecting the custom key store <code>cks-1234567890abcdef0</code> to its CloudHSM cluster or external proxy. The response is empty; check <code>ConnectionState</code> with <code>DescribeCustomKeyStores</code> afterwards.</p>",
        input: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
        },
        output: {}
    }
])
operation ConnectCustomKeyStore {
    input: ConnectCustomKeyStoreRequest
    output: ConnectCustomKeyStoreResponse
    errors: [
        CloudHsmClusterInvalidConfigurationException
        CloudHsmClusterNotActiveException
        CustomKeyStoreInvalidStateException
        CustomKeyStoreNotFoundException
        KMSInternalException
    ]
}

@input
structure ConnectCustomKeyStoreRequest {
    /// <p>ID of the custom key store to connect. Key store IDs can be looked up with <code>DescribeCustomKeyStores</code>.</p>
    @required
    CustomKeyStoreId: CustomKeyStoreIdType
}

@output
structure ConnectCustomKeyStoreResponse {}

/// <p>Creates a custom key store, so that KMS keys can be kept in key material you control. Two kinds exist:</p><ul><li><a href="https://docs.aws.amazon.com/kms/latest/developerguide/keystore-cloudhsm.html">CloudHSM key stores</a>: pass <code>CustomKeyStoreName</code>, <code>CloudHsmClusterId</code>, <code>KeyStorePassword</code> and <code>TrustAnchorCertificate</code> (<code>CustomKeyStoreType</code> may be left out or set to <code>AWS_CLOUDHSM</code>).</li><li><a href="https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html">External key stores</a>: set <code>CustomKeyStoreType</code> to <code>EXTERNAL_KEY_STORE</code> and pass the proxy endpoint, path, connectivity and authentication credential (plus the VPC endpoint service name when using VPC connectivity).</li></ul><p>The new store starts out disconnected; call <code>ConnectCustomKeyStore</code> before creating keys in it. On success the response carries the new key store ID.</p>
@examples([
    {
        title: "Create a CloudHSM key store",
        documentation: "<p>Creates a CloudHSM-backed custom key store from a cluster ID, its trust anchor certificate and the <code>kmsuser</code> password, and returns the new store ID.</p>",
        input: {
            CustomKeyStoreName: "ExampleKeyStore",
            CloudHsmClusterId: "cluster-234abcdefABC",
            TrustAnchorCertificate: "<certificate-goes-here>",
            KeyStorePassword: "kmsPswd"
        },
        output: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
        }
    }
])
operation CreateCustomKeyStore {
    input: CreateCustomKeyStoreRequest
    output: CreateCustomKeyStoreResponse
    errors: [
        CloudHsmClusterInUseException
        CloudHsmClusterInvalidConfigurationException
        CloudHsmClusterNotActiveException
        CloudHsmClusterNotFoundException
        CustomKeyStoreNameInUseException
        IncorrectTrustAnchorException
        KMSInternalException
        LimitExceededException
        XksProxyIncorrectAuthenticationCredentialException
        XksProxyInvalidConfigurationException
        XksProxyInvalidResponseException
        XksProxyUriEndpointInUseException
        XksProxyUriInUseException
        XksProxyUriUnreachableException
        XksProxyVpcEndpointServiceInUseException
        XksProxyVpcEndpointServiceInvalidConfigurationException
        XksProxyVpcEndpointServiceNotFoundException
    ]
}

@input
structure CreateCustomKeyStoreRequest {
    /// <p>A friendly name for the new key store, unique within the account and Region. Required for both kinds of store. It can appear in plaintext in CloudTrail logs, so keep secrets out of it.</p>
    @required
    CustomKeyStoreName: CustomKeyStoreNameType

    /// <p>The active CloudHSM cluster that will back a CloudHSM key store. Required when the type is <code>AWS_CLOUDHSM</code>; the cluster must not already back another key store.</p>
    CloudHsmClusterId: CloudHsmClusterIdType

    /// <p>The cluster's trust anchor certificate, i.e. the contents of the <code>customerCA.crt</code> file written when the cluster was initialized. Required when the type is <code>AWS_CLOUDHSM</code>.</p>
    TrustAnchorCertificate: TrustAnchorCertificateType

    /// <p>The password KMS should use for the cluster's <code>kmsuser</code> crypto user (CU), the account it signs in as to manage keys for you. Required when the type is <code>AWS_CLOUDHSM</code>. It is 7 to 32 characters and case sensitive; providing it here does not change the password inside the cluster.</p>
    KeyStorePassword: KeyStorePasswordType

    /// <p>Which kind of custom key store to create: <code>AWS_CLOUDHSM</code> (the default when omitted) or <code>EXTERNAL_KEY_STORE</code>. It cannot be changed afterwards.</p>
    CustomKeyStoreType: CustomKeyStoreType

    /// <p>The HTTPS address, without a port (KMS always uses 443), where KMS sends requests to the external key store proxy. Needed when the store type is <code>EXTERNAL_KEY_STORE</code>. When the proxy is reached through <code>VPC_ENDPOINT_SERVICE</code>, use <code>https://</code> plus the private DNS name of the endpoint service. No other store in the same account and Region may use this endpoint with the same <code>XksProxyUriPath</code>.</p>
    XksProxyUriEndpoint: XksProxyUriEndpointType

    /// <p>The base path of the proxy API, as documented by your proxy. Required for <code>EXTERNAL_KEY_STORE</code>. It begins with <code>/</code> and ends in <code>/kms/xks/v1</code>, optionally with a prefix in between, e.g. <code>/example/kms/xks/v1</code>.</p>
    XksProxyUriPath: XksProxyUriPathType

    /// <p>Name of the Amazon VPC endpoint service through which KMS talks to the proxy. Needed only for external key stores whose <code>XksProxyConnectivity</code> is <code>VPC_ENDPOINT_SERVICE</code>; each such store needs a separate endpoint service.</p>
    XksProxyVpcEndpointServiceName: XksProxyVpcEndpointServiceNameType

    /// <p>Optional account ID that owns the VPC endpoint service. When left out, the caller's own account is assumed.</p>
    XksProxyVpcEndpointServiceOwner: AccountIdType

    /// <p>The access key ID and raw secret access key that KMS will use to sign requests to the proxy. Required for <code>EXTERNAL_KEY_STORE</code>. This only informs KMS of a credential already configured on the proxy; after rotating it there, send the new value with <code>UpdateCustomKeyStore</code>.</p>
    XksProxyAuthenticationCredential: XksProxyAuthenticationCredentialType

    /// <p>How KMS reaches the proxy: <code>PUBLIC_ENDPOINT</code> over the internet, or <code>VPC_ENDPOINT_SERVICE</code> through a private endpoint service. Required for <code>EXTERNAL_KEY_STORE</code>. See <a href="https://docs.aws.amazon.com/kms/latest/developerguide/xks-connectivity.html">choosing a connectivity option</a>.</p>
    XksProxyConnectivity: XksProxyConnectivityType
}

@output
structure CreateCustomKeyStoreResponse {
    /// <p>The ID KMS assigned to the newly created custom key store.</p>
    CustomKeyStoreId: CustomKeyStoreIdType
}

/// <p>Removes a custom key store from KMS. Nothing outside KMS is touched: the CloudHSM cluster, its users and keys, or the external proxy and external key manager all stay as they are.</p><p>The store has to be empty and disconnected first. Delete its KMS keys with <code>ScheduleKeyDeletion</code>, wait for the deletion period to pass, call <code>DisconnectCustomKeyStore</code>, and then delete the store. A successful call returns an empty JSON object.</p>
@examples([
    {
        title: "Delete a custom key store",
        documentation: "<p>Removes the custom key store record from KMS. The cluster, proxy or external key manager behind it is left alone, and the response is empty.</p>",
        input: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
        },
        output: {}
    }
])
operation DeleteCustomKeyStore {
    input: DeleteCustomKeyStoreRequest
    output: DeleteCustomKeyStoreResponse
    errors: [
        CustomKeyStoreHasCMKsException
        CustomKeyStoreInvalidStateException
        CustomKeyStoreNotFoundException
        KMSInternalException
    ]
}

@input
structure DeleteCustomKeyStoreRequest {
    /// <p>ID of the custom key store to remove. Key store IDs can be looked up with <code>DescribeCustomKeyStores</code>.</p>
    @required
    CustomKeyStoreId: CustomKeyStoreIdType
}

@output
structure DeleteCustomKeyStoreResponse {}

/// <p>Returns every custom key store of the calling account in the current Region, or a single one when you pass <code>CustomKeyStoreId</code> or <code>CustomKeyStoreName</code> (never both).</p><p>This is where the result of <code>ConnectCustomKeyStore</code> shows up: each entry has a <code>ConnectionState</code>, and a <code>FAILED</code> state is paired with a <code>ConnectionErrorCode</code> that explains the failure. Results are paginated with <code>Limit</code>, <code>Marker</code> and <code>NextMarker</code>.</p>
@paginated(inputToken: "Marker", outputToken: "NextMarker", items: "CustomKeyStores", pageSize: "Limit")
operation DescribeCustomKeyStores {
    input: DescribeCustomKeyStoresRequest
    output: DescribeCustomKeyStoresResponse
    errors: [
        CustomKeyStoreNotFoundException
        InvalidMarkerException
        KMSInternalException
    ]
}

@input
structure DescribeCustomKeyStoresRequest {
    /// <p>Restrict the result to the store with this ID. Do not combine with <code>CustomKeyStoreName</code>; omit both to list every store.</p>
    CustomKeyStoreId: CustomKeyStoreIdType

    /// <p>Restrict the result to the store with this friendly name. Do not combine with <code>CustomKeyStoreId</code>; omit both to list every store.</p>
    CustomKeyStoreName: CustomKeyStoreNameType

    /// <p>Upper bound on how many entries one page returns (1 to 1000). KMS may send fewer.</p>
    Limit: LimitType

    /// <p>Where to resume listing: pass the <code>NextMarker</code> of the previous, truncated page.</p>
    Marker: MarkerType
}

@output
structure DescribeCustomKeyStoresResponse {
    /// <p>One entry per custom key store matched.</p>
    CustomKeyStores: CustomKeyStoresList

    /// <p>Set only when <code>Truncated</code> is true; send it as <code>Marker</code> to fetch the next page.</p>
    NextMarker: MarkerType

    /// <p>True when more entries remain beyond this page; continue with <code>NextMarker</code>.</p>
    Truncated: BooleanType = false
}

/// <p>Breaks the link between a custom key store and the CloudHSM cluster or external proxy behind it. While disconnected, the store and its keys can still be managed, but no KMS key in it can be created or used for cryptography, which may block access to data protected by those keys.</p><p>The <code>ConnectionState</code> moves to <code>DISCONNECTED</code>; use <code>ConnectCustomKeyStore</code> to reconnect later. A successful call returns an empty JSON object.</p>
@examples([
    {
        title: "Disconnect a custom key store",
        documentation: "<p>Takes the custom key store offline by cutting its link to the backing store. Nothing is returned; confirm the new state with <code>DescribeCustomKeyStores</code>.</p>",
        input: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
        },
        output: {}
    }
])
operation DisconnectCustomKeyStore {
    input: DisconnectCustomKeyStoreRequest
    output: DisconnectCustomKeyStoreResponse
    errors: [
        CustomKeyStoreInvalidStateException
        CustomKeyStoreNotFoundException
        KMSInternalException
    ]
}

@input
structure DisconnectCustomKeyStoreRequest {
    /// <p>ID of the custom key store to disconnect. Key store IDs can be looked up with <code>DescribeCustomKeyStores</code>.</p>
    @required
    CustomKeyStoreId: CustomKeyStoreIdType
}

@output
structure DisconnectCustomKeyStoreResponse {}

/// <p>Changes settings of an existing CloudHSM or external key store. Identify the store with <code>CustomKeyStoreId</code> and send only the properties you want to change. The response has no fields; read the new values back with <code>DescribeCustomKeyStores</code>.</p><p>Renaming works in any state, and an external store's proxy path and authentication credential can also be changed while it is connected. Every other change requires the store to be <code>DISCONNECTED</code>.</p><p>For an external key store, the new settings must still lead to the same external key manager (or a copy holding the same keys); if KMS loses access to those keys for good, ciphertext under them cannot be decrypted.</p>
operation UpdateCustomKeyStore {
    input: UpdateCustomKeyStoreRequest
    output: UpdateCustomKeyStoreResponse
    errors: [
        CloudHsmClusterInvalidConfigurationException
        CloudHsmClusterNotActiveException
        CloudHsmClusterNotFoundException
        CloudHsmClusterNotRelatedException
        CustomKeyStoreInvalidStateException
        CustomKeyStoreNameInUseException
        CustomKeyStoreNotFoundException
        KMSInternalException
        XksProxyIncorrectAuthenticationCredentialException
        XksProxyInvalidConfigurationException
        XksProxyInvalidResponseException
        XksProxyUriEndpointInUseException
        XksProxyUriInUseException
        XksProxyUriUnreachableException
        XksProxyVpcEndpointServiceInUseException
        XksProxyVpcEndpointServiceInvalidConfigurationException
        XksProxyVpcEndpointServiceNotFoundException
    ]
}

@input
structure UpdateCustomKeyStoreRequest {
    /// <p>ID of the custom key store whose settings change. Key store IDs can be looked up with <code>DescribeCustomKeyStores</code>.</p>
    @required
    CustomKeyStoreId: CustomKeyStoreIdType

    /// <p>A new friendly name, unique in the account. Allowed whether the store is connected or not. It can show up in CloudTrail logs in plaintext, so do not put sensitive data in it.</p>
    NewCustomKeyStoreName: CustomKeyStoreNameType

    /// <p>The password that <code>kmsuser</code> (the crypto user KMS logs in as) currently has in the associated cluster. <code>AWS_CLOUDHSM</code> stores only, and the store must be disconnected. This updates what KMS knows; it does not change any password inside the cluster.</p>
    KeyStorePassword: KeyStorePasswordType

    /// <p>Moves a CloudHSM key store to a related cluster, one with the same backup history and cluster certificate as the original (for example a restore from its backup). <code>AWS_CLOUDHSM</code> stores only; the store must be disconnected and the new cluster must meet the usual requirements.</p>
    CloudHsmClusterId: CloudHsmClusterIdType

    /// <p>A new HTTPS endpoint for the external key store proxy; for VPC connectivity, <code>https://</code> plus the endpoint service's private DNS name. <code>EXTERNAL_KEY_STORE</code> only, store must be disconnected. Combined with <code>XksProxyUriPath</code> it must stay unique in the account and Region.</p>
    XksProxyUriEndpoint: XksProxyUriEndpointType

    /// <p>A new base path for the proxy API, starting with <code>/</code> and ending in <code>/kms/xks/v1</code>. <code>EXTERNAL_KEY_STORE</code> only; may be changed while connected.</p>
    XksProxyUriPath: XksProxyUriPathType

    /// <p>A new VPC endpoint service name for reaching the proxy. Applies to external key stores using <code>VPC_ENDPOINT_SERVICE</code> connectivity; the store must be disconnected.</p>
    XksProxyVpcEndpointServiceName: XksProxyVpcEndpointServiceNameType

    /// <p>A new owning account ID for the VPC endpoint service. Optional; when absent the stored owner is kept. The store must be disconnected.</p>
    XksProxyVpcEndpointServiceOwner: AccountIdType

    /// <p>A replacement proxy authentication credential, for instance after rotating it on the proxy. Both <code>AccessKeyId</code> and <code>RawSecretAccessKey</code> must be sent even if only one changed. <code>EXTERNAL_KEY_STORE</code> only; may be changed while connected.</p>
    XksProxyAuthenticationCredential: XksProxyAuthenticationCredentialType

    /// <p>Switches between <code>PUBLIC_ENDPOINT</code> and <code>VPC_ENDPOINT_SERVICE</code> connectivity. Moving to VPC connectivity also needs a new <code>XksProxyUriEndpoint</code> and an <code>XksProxyVpcEndpointServiceName</code>; moving to a public endpoint needs a new endpoint and an empty service name. The store must be disconnected.</p>
    XksProxyConnectivity: XksProxyConnectivityType
}

@output
structure UpdateCustomKeyStoreResponse {}

// -------------------- Shared structures and lists --------------------

/// <p>A page of custom key store descriptions.</p>
list CustomKeyStoresList {
    /// <p>One custom key store.</p>
    member: CustomKeyStoresListEntry
}

/// <p>Describes one custom key store returned by <code>DescribeCustomKeyStores</code>.</p>
structure CustomKeyStoresListEntry {
    /// <p>The key store's unique ID.</p>
    CustomKeyStoreId: CustomKeyStoreIdType

    /// <p>The friendly name chosen for the key store.</p>
    CustomKeyStoreName: CustomKeyStoreNameType

    /// <p>ID of the CloudHSM cluster behind the store. Present only for <code>AWS_CLOUDHSM</code> stores.</p>
    CloudHsmClusterId: CloudHsmClusterIdType

    /// <p>The trust anchor certificate (<code>customerCA.crt</code>) of the associated CloudHSM cluster. Present only for <code>AWS_CLOUDHSM</code> stores.</p>
    TrustAnchorCertificate: TrustAnchorCertificateType

    /// <p>Whether the key store is currently connected to its CloudHSM cluster or external proxy:</p><ul><li><code>CONNECTED</code>: keys in the store can be created and used. If they still fail, check that the cluster or proxy and key manager are healthy.</li><li><code>CONNECTING</code>: a <code>ConnectCustomKeyStore</code> call is in progress.</li><li><code>FAILED</code>: the last connection attempt did not succeed; see <code>ConnectionErrorCode</code>.</li><li><code>DISCONNECTING</code>: a disconnect is in progress.</li><li><code>DISCONNECTED</code>: the store was never connected or was explicitly disconnected.</li></ul>
    ConnectionState: ConnectionStateType

    /// <p>Why the store could not connect. Only returned when <code>ConnectionState</code> is <code>FAILED</code>. Most causes are fixed by disconnecting, correcting the settings with <code>UpdateCustomKeyStore</code>, and connecting again; see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/fix-keystore.html">troubleshooting a custom key store</a>.</p><ul><li>Any store: <code>INTERNAL_ERROR</code> (retry, disconnecting first) and <code>NETWORK_ERRORS</code>.</li><li>CloudHSM stores: <code>CLUSTER_NOT_FOUND</code>, <code>INSUFFICIENT_CLOUDHSM_HSMS</code>, <code>INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET</code>, <code>INVALID_CREDENTIALS</code>, <code>SUBNET_NOT_FOUND</code>, <code>USER_LOCKED_OUT</code>, <code>USER_LOGGED_IN</code>, <code>USER_NOT_FOUND</code>.</li><li>External stores: <code>INVALID_CREDENTIALS</code> and the <code>XKS_PROXY_*</code> and <code>XKS_VPC_ENDPOINT_SERVICE_*</code> codes; see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/xks-troubleshooting.html">troubleshooting external key stores</a>.</li></ul>
    ConnectionErrorCode: ConnectionErrorCodeType

    /// <p>When the key store was created.</p>
    CreationDate: DateType

    /// <p>The kind of store: <code>AWS_CLOUDHSM</code> for one backed by a CloudHSM cluster, <code>EXTERNAL_KEY_STORE</code> for one backed by an external proxy and key manager.</p>
    CustomKeyStoreType: CustomKeyStoreType

    /// <p>Connection settings for the external key store proxy. Present only for <code>EXTERNAL_KEY_STORE</code> stores.</p>
    XksProxyConfiguration: XksProxyConfigurationType
}

/// <p>The credential KMS uses to sign its requests to an external key store proxy: an access key ID plus the raw secret access key it identifies. You create it on the proxy and then tell KMS about it; it has nothing to do with IAM credentials.</p>
structure XksProxyAuthenticationCredentialType {
    /// <p>The identifier that names the secret access key (20 to 30 characters from <code>A-Z</code> and <code>2-7</code>).</p>
    @required
    AccessKeyId: XksProxyAuthenticationAccessKeyIdType

    /// <p>The secret itself: 43 to 64 characters drawn from letters, digits, <code>/</code>, <code>+</code> and <code>=</code>.</p>
    @required
    RawSecretAccessKey: XksProxyAuthenticationRawSecretAccessKeyType
}

/// <p>How KMS reaches the external key store proxy of an external key store. The proxy turns KMS requests into calls your external key manager understands. Only present for stores of type <code>EXTERNAL_KEY_STORE</code>.</p>
structure XksProxyConfigurationType {
    /// <p>The connectivity option in use: <code>PUBLIC_ENDPOINT</code> or <code>VPC_ENDPOINT_SERVICE</code>.</p>
    Connectivity: XksProxyConnectivityType

    /// <p>The access key ID half of the proxy authentication credential (the secret is never returned).</p>
    AccessKeyId: XksProxyAuthenticationAccessKeyIdType

    /// <p>The proxy's endpoint: its public address, or for VPC connectivity the private DNS name of the endpoint service.</p>
    UriEndpoint: XksProxyUriEndpointType

    /// <p>Base path of the proxy API.</p>
    UriPath: XksProxyUriPathType

    /// <p>The VPC endpoint service KMS uses to reach the proxy. Shown only with VPC connectivity.</p>
    VpcEndpointServiceName: XksProxyVpcEndpointServiceNameType

    /// <p>Account that owns that VPC endpoint service. Shown only with VPC connectivity.</p>
    VpcEndpointServiceOwner: AccountIdType
}

// -------------------- Enums --------------------

/// <p>Why the most recent attempt to connect a custom key store did not succeed. Only meaningful while the <code>ConnectionState</code> is <code>FAILED</code>.</p>
enum ConnectionErrorCodeType {
    /// <p>CloudHSM: <code>KeyStorePassword</code> no longer matches the <code>kmsuser</code> password. External: the proxy rejected the <code>XksProxyAuthenticationCredential</code>.</p>
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"

    /// <p>The CloudHSM cluster with the recorded ID no longer exists.</p>
    CLUSTER_NOT_FOUND = "CLUSTER_NOT_FOUND"

    /// <p>Network problems kept KMS from reaching the backing key store.</p>
    NETWORK_ERRORS = "NETWORK_ERRORS"

    /// <p>An internal KMS failure; disconnect, then try connecting again.</p>
    INTERNAL_ERROR = "INTERNAL_ERROR"

    /// <p>The CloudHSM cluster has no active HSM; at least one is needed to connect.</p>
    INSUFFICIENT_CLOUDHSM_HSMS = "INSUFFICIENT_CLOUDHSM_HSMS"

    /// <p>Too many wrong passwords locked the <code>kmsuser</code> account; reset its password and update <code>KeyStorePassword</code>.</p>
    USER_LOCKED_OUT = "USER_LOCKED_OUT"

    /// <p>The cluster has no <code>kmsuser</code> crypto user; create it, then update <code>KeyStorePassword</code>.</p>
    USER_NOT_FOUND = "USER_NOT_FOUND"

    /// <p><code>kmsuser</code> is signed in to the cluster, which stops KMS from rotating its password; log it out first.</p>
    USER_LOGGED_IN = "USER_LOGGED_IN"

    /// <p>A subnet from the cluster's configuration was deleted; build a new cluster out of a recent backup and point the store at it.</p>
    SUBNET_NOT_FOUND = "SUBNET_NOT_FOUND"

    /// <p>A private subnet of the cluster has no spare IP address; each subnet needs at least one free.</p>
    INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET = "INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET"

    /// <p>The proxy's authorization rules refused requests from KMS.</p>
    XKS_PROXY_ACCESS_DENIED = "XKS_PROXY_ACCESS_DENIED"

    /// <p>KMS cannot talk to the proxy; check the endpoint, path, proxy availability and the external key manager instances.</p>
    XKS_PROXY_NOT_REACHABLE = "XKS_PROXY_NOT_REACHABLE"

    /// <p>The VPC endpoint service could not be found, or KMS lacks consumer permission on it.</p>
    XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND = "XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND"

    /// <p>The proxy's replies could not be interpreted; report repeated cases to the vendor.</p>
    XKS_PROXY_INVALID_RESPONSE = "XKS_PROXY_INVALID_RESPONSE"

    /// <p>A configuration mistake, often in <code>XksProxyUriPath</code>, blocks the connection.</p>
    XKS_PROXY_INVALID_CONFIGURATION = "XKS_PROXY_INVALID_CONFIGURATION"

    /// <p>The VPC endpoint service does not meet the external key store requirements (load balancer in two zones, KMS principal allowed, no acceptance required, verified private DNS name).</p>
    XKS_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION = "XKS_VPC_ENDPOINT_SERVICE_INVALID_CONFIGURATION"

    /// <p>The proxy was reached but did not answer in time.</p>
    XKS_PROXY_TIMED_OUT = "XKS_PROXY_TIMED_OUT"

    /// <p>TLS setup of the proxy is unusable: it must offer TLS 1.2 or 1.3 with an unexpired certificate for the endpoint host name, issued by a trusted authority.</p>
    XKS_PROXY_INVALID_TLS_CONFIGURATION = "XKS_PROXY_INVALID_TLS_CONFIGURATION"
}

/// <p>Where a custom key store is in its connect/disconnect lifecycle.</p>
enum ConnectionStateType {
    /// <p>The store is linked to its backing key store and usable.</p>
    CONNECTED = "CONNECTED"

    /// <p>A connection attempt is under way.</p>
    CONNECTING = "CONNECTING"

    /// <p>The last attempt to connect failed; <code>ConnectionErrorCode</code> gives the reason.</p>
    FAILED = "FAILED"

    /// <p>Not connected, either never connected or explicitly disconnected.</p>
    DISCONNECTED = "DISCONNECTED"

    /// <p>A disconnect is under way.</p>
    DISCONNECTING = "DISCONNECTING"
}

/// <p>Which kind of backing key store a custom key store uses: a CloudHSM cluster or an external key manager reached through an XKS proxy.</p>
enum CustomKeyStoreType {
    /// <p>Backed by a CloudHSM cluster that you own.</p>
    AWS_CLOUDHSM

    /// <p>Backed by an external key manager reached through an external key store proxy.</p>
    EXTERNAL_KEY_STORE
}

/// <p>How KMS reaches the external key store proxy: over the public internet or through an Amazon VPC endpoint service.</p>
enum XksProxyConnectivityType {
    /// <p>KMS calls the proxy at a publicly reachable HTTPS endpoint.</p>
    PUBLIC_ENDPOINT

    /// <p>KMS calls the proxy privately through an Amazon VPC endpoint service.</p>
    VPC_ENDPOINT_SERVICE
}

// -------------------- Simple shapes --------------------

@length(min: 12, max: 12)
@pattern("^[0-9]{12}$")
string AccountIdType

@default(false)
boolean BooleanType

@length(min: 19, max: 24)
@pattern("^cluster-[2-7a-zA-Z]{11,16}$")
string CloudHsmClusterIdType

@length(min: 1, max: 64)
string CustomKeyStoreIdType

@length(min: 1, max: 256)
string CustomKeyStoreNameType

/// <p>A point in time, sent on the wire as seconds since the Unix epoch.</p>
timestamp DateType

/// <p>A human-readable explanation that accompanies an error.</p>
string ErrorMessageType

@length(min: 7, max: 32)
@sensitive
string KeyStorePasswordType

@range(min: 1, max: 1000)
integer LimitType

@length(min: 1, max: 1024)
@pattern("^[\\u0020-\\u00FF]*$")
string MarkerType

@length(min: 1, max: 5000)
string TrustAnchorCertificateType

@length(min: 20, max: 30)
@pattern("^[A-Z2-7]+$")
@sensitive
string XksProxyAuthenticationAccessKeyIdType

@length(min: 43, max: 64)
@pattern("^[a-zA-Z0-9\\/+=]+$")
@sensitive
string XksProxyAuthenticationRawSecretAccessKeyType

@length(min: 10, max: 128)
@pattern("^https://[a-zA-Z0-9.-]+$")
string XksProxyUriEndpointType

@length(min: 10, max: 128)
@pattern("^(/[a-zA-Z0-9\\/_-]+/kms/xks/v\\d{1,2})$|^(/kms/xks/v\\d{1,2})$")
string XksProxyUriPathType

@length(min: 20, max: 64)
@pattern("^(com|eu)\\.amazonaws\\.vpce\\.([a-z]+-){2,3}\\d+\\.vpce-svc-[0-9a-z]+$")
string XksProxyVpcEndpointServiceNameType

// -------------------- Errors --------------------

/// <p>The CloudHSM cluster you named already backs a CloudHSM key store in this account, or it has the same backup lineage (and therefore the same cluster certificate) as a cluster that does. Every CloudHSM key store needs its own, unrelated cluster.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "CloudHsmClusterInUseException", httpResponseCode: 400)
structure CloudHsmClusterInUseException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The CloudHSM cluster does not satisfy the setup that a <a href="https://docs.aws.amazon.com/kms/latest/developerguide/keystore-cloudhsm.html">CloudHSM key store</a> needs. Typical causes:</p><ul><li>its private subnets do not span at least two Availability Zones of the Region;</li><li>its security group is missing the inbound or outbound TCP rules for ports 2223-2225;</li><li>it has too few active HSMs: two in different zones for <code>CreateCustomKeyStore</code> and <code>UpdateCustomKeyStore</code>, one for <code>ConnectCustomKeyStore</code>.</li></ul>
@error("client")
@httpError(400)
@awsQueryError(code: "CloudHsmClusterInvalidConfigurationException", httpResponseCode: 400)
structure CloudHsmClusterInvalidConfigurationException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The CloudHSM cluster behind the key store has not been initialized and activated yet. Activate it in CloudHSM, then send the request again.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "CloudHsmClusterNotActiveException", httpResponseCode: 400)
structure CloudHsmClusterNotActiveException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>No CloudHSM cluster with the given cluster ID could be located by KMS. Check the ID and retry.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "CloudHsmClusterNotFoundException", httpResponseCode: 400)
structure CloudHsmClusterNotFoundException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The replacement CloudHSM cluster is not related to the one the key store was created with. A key store may only move to a cluster that shares its backup history, meaning a cluster restored from a backup of the original (or from the backup the original came from), which shows up as an identical cluster certificate.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "CloudHsmClusterNotRelatedException", httpResponseCode: 400)
structure CloudHsmClusterNotRelatedException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The custom key store still holds KMS keys, so it cannot be removed. Once you are sure they are no longer needed, delete them with <code>ScheduleKeyDeletion</code>; after the waiting period ends you can delete the key store.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "CustomKeyStoreHasCMKsException", httpResponseCode: 400)
structure CustomKeyStoreHasCMKsException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The operation is not allowed while the custom key store is in its current <code>ConnectionState</code> (see <code>DescribeCustomKeyStores</code>). Examples:</p><ul><li><code>ConnectCustomKeyStore</code> on a store that is <code>DISCONNECTING</code> or <code>FAILED</code> (disconnect a failed store first, then connect it again);</li><li><code>DisconnectCustomKeyStore</code> on a store that is already <code>DISCONNECTING</code> or <code>DISCONNECTED</code>;</li><li><code>DeleteCustomKeyStore</code>, or an <code>UpdateCustomKeyStore</code> change that needs a disconnected store (most of them), on a store that is not <code>DISCONNECTED</code>;</li><li><code>CreateKey</code> or <code>GenerateRandom</code> against a store that is not <code>CONNECTED</code>.</li></ul>
@error("client")
@httpError(400)
@awsQueryError(code: "CustomKeyStoreInvalidStateException", httpResponseCode: 400)
structure CustomKeyStoreInvalidStateException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>Another custom key store in this account already uses that friendly name. Pick a name that is not taken.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "CustomKeyStoreNameInUseException", httpResponseCode: 400)
structure CustomKeyStoreNameInUseException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>KMS has no custom key store matching the ID or name given in the request.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "CustomKeyStoreNotFoundException", httpResponseCode: 400)
structure CustomKeyStoreNotFoundException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The trust anchor certificate supplied for a new CloudHSM key store does not belong to the named cluster. Supply the contents of the <code>customerCA.crt</code> file produced when that cluster was initialized.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "IncorrectTrustAnchorException", httpResponseCode: 400)
structure IncorrectTrustAnchorException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The pagination <code>Marker</code> sent with the request is not one KMS recognizes.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "InvalidMarker", httpResponseCode: 400)
structure InvalidMarkerException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>KMS hit an internal failure while handling the request. It is safe to try again.</p>
@error("server")
@httpError(500)
@awsQueryError(code: "KMSInternal", httpResponseCode: 500)
structure KMSInternalException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>A size limit or an account quota would be exceeded by this request. See <a href="https://docs.aws.amazon.com/kms/latest/developerguide/limits.html">KMS quotas</a>.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "LimitExceeded", httpResponseCode: 400)
structure LimitExceededException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The external key store proxy turned down a status request from KMS because the authentication credential did not verify. Either the credential is wrong or it is being sent to the wrong proxy.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyIncorrectAuthenticationCredentialException", httpResponseCode: 400)
structure XksProxyIncorrectAuthenticationCredentialException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The external key store proxy is set up incorrectly. The accompanying error message names the problem.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyInvalidConfigurationException", httpResponseCode: 400)
structure XksProxyInvalidConfigurationException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>KMS could not make sense of what the external key store proxy sent back. It may be a malformed reply or a passing network fault; if it keeps happening, contact the proxy vendor.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyInvalidResponseException", httpResponseCode: 400)
structure XksProxyInvalidResponseException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>Some other external key store in this Region already uses the given <code>XksProxyUriEndpoint</code>. The error message explains the conflict.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyUriEndpointInUseException", httpResponseCode: 400)
structure XksProxyUriEndpointInUseException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The combination of <code>XksProxyUriEndpoint</code> and <code>XksProxyUriPath</code> is already taken by another external key store in this Region; each one needs its own proxy API address.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyUriInUseException", httpResponseCode: 400)
structure XksProxyUriInUseException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>KMS could not reach the external key store proxy at the configured <code>XksProxyUriPath</code>. The proxy has to be reachable when the store is created or its settings change. The same error is returned when the proxy's health check says none of the external key manager instances are available.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyUriUnreachableException", httpResponseCode: 400)
structure XksProxyUriUnreachableException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The Amazon VPC endpoint service is already used by another external key store in this Region. Give each external key store its own endpoint service.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyVpcEndpointServiceInUseException", httpResponseCode: 400)
structure XksProxyVpcEndpointServiceInUseException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>The Amazon VPC endpoint service is not configured the way an external key store requires. Read the error message and compare the service against the <a href="https://docs.aws.amazon.com/kms/latest/developerguide/xks-connectivity.html">VPC connectivity requirements</a>.</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyVpcEndpointServiceInvalidConfigurationException", httpResponseCode: 400)
structure XksProxyVpcEndpointServiceInvalidConfigurationException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

/// <p>KMS could not locate the named VPC endpoint service. Confirm the service name with <code>DescribeCustomKeyStores</code>, and make sure the service's allowed principals include the regional KMS principal (for example <code>cks.kms.us-east-1.amazonaws.com</code>).</p>
@error("client")
@httpError(400)
@awsQueryError(code: "XksProxyVpcEndpointServiceNotFoundException", httpResponseCode: 400)
structure XksProxyVpcEndpointServiceNotFoundException {
    /// <p>What went wrong, as reported by KMS.</p>
    message: ErrorMessageType
}

// Examples are attached with `apply` so they stay out of the way of the operation definitions.

apply DescribeCustomKeyStores @examples([
    {
        title: "List every custom key store"
        documentation: "<p>Calls the operation with no filter, which returns each custom key store that the account owns in the Region.</p>"
        output: {
            CustomKeyStores: []
        }
    }
])

apply UpdateCustomKeyStore @examples([
    {
        title: "Rename a custom key store"
        documentation: "<p>Gives the custom key store the new friendly name <code>DevelopmentKeys</code>.</p>"
        input: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
            NewCustomKeyStoreName: "DevelopmentKeys"
        }
        output: {}
    }
    {
        title: "Tell KMS the new kmsuser password"
        documentation: "<p>Updates the <code>kmsuser</code> password KMS keeps for a CloudHSM key store. The password inside the cluster itself is not modified.</p>"
        input: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
            KeyStorePassword: "ExamplePassword"
        }
        output: {}
    }
    {
        title: "Move an external key store's proxy behind a VPC endpoint service"
        documentation: "<p>Moving from a public endpoint to a VPC endpoint service means sending the new <code>XksProxyConnectivity</code> together with a private-DNS <code>XksProxyUriEndpoint</code> and an <code>XksProxyVpcEndpointServiceName</code>.</p>"
        input: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
            XksProxyConnectivity: "VPC_ENDPOINT_SERVICE"
            XksProxyUriEndpoint: "https://myproxy-private.xks.example.com"
            XksProxyVpcEndpointServiceName: "com.amazonaws.vpce.us-east-1.vpce-svc-example"
        }
        output: {}
    }
    {
        title: "Change the proxy URI path"
        documentation: "<p>Points an external key store at a different base path on its proxy.</p>"
        input: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
            XksProxyUriPath: "/new-path/kms/xks/v1"
        }
        output: {}
    }
    {
        title: "Move a CloudHSM key store to a related cluster"
        documentation: "<p>Associates the key store with another cluster that shares the original cluster's backup history. The response is empty.</p>"
        input: {
            CustomKeyStoreId: "cks-1234567890abcdef0"
            CloudHsmClusterId: "cluster-234abcdefABC"
        }
        output: {}
    }
])

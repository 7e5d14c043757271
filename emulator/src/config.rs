//! The `--config` file (TOML). Every key is optional; see the README's config reference.

use serde::Deserialize;

/// The whole configuration file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// SigV4 region for clients and for XKS proxy calls.
    pub region: String,
    /// The account that owns the stores (the default VPC endpoint service owner).
    pub account_id: String,
    /// How long a store stays `CONNECTING` before it settles.
    pub connect_delay_ms: u64,
    /// How many custom key stores may exist; one more gives `LimitExceededException`.
    pub max_custom_key_stores: usize,
    /// KMS's own timeout for a call to an XKS proxy.
    pub xks_timeout_ms: u64,
    /// If any are listed, every KMS request must be signed by one of them.
    pub credentials: Vec<Credential>,
    /// The CloudHSM clusters that exist.
    pub cloudhsm_clusters: Vec<Cluster>,
    /// Where a public XKS endpoint is really served.
    pub xks_proxies: Vec<XksProxy>,
    /// The VPC endpoint services that exist.
    pub vpc_endpoint_services: Vec<VpcEndpointService>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            region: "us-east-1".to_owned(),
            account_id: "111122223333".to_owned(),
            connect_delay_ms: 1000,
            max_custom_key_stores: 10,
            // The XKS proxy API specification: "If KMS does not receive a response from the
            // XKS proxy for any API call within 250ms, KMS will time out".
            xks_timeout_ms: 250,
            credentials: Vec::new(),
            cloudhsm_clusters: Vec::new(),
            xks_proxies: Vec::new(),
            vpc_endpoint_services: Vec::new(),
        }
    }
}

/// A client credential that may sign KMS requests.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    /// The access key id named in the `Authorization` header.
    pub access_key_id: String,
    /// The secret it signs with.
    pub secret_access_key: String,
}

/// A CloudHSM cluster as configured; the control API may change its state, HSM count and
/// `kmsuser` password at run time.
#[derive(Clone, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    /// `cluster-...`
    pub cluster_id: String,
    /// `ACTIVE` or `UNINITIALIZED` (any other text is kept and is "not active").
    #[serde(default = "active")]
    pub state: String,
    /// How many HSMs are active in the cluster.
    #[serde(default = "two")]
    pub active_hsms: u32,
    /// The certificate `CreateCustomKeyStore` must present.
    #[serde(default)]
    pub trust_anchor_certificate: String,
    /// What the store's `KeyStorePassword` must be to connect.
    #[serde(default)]
    pub kmsuser_password: String,
    /// Clusters with the same lineage share a backup history and are "related".
    #[serde(default)]
    pub backup_lineage: Option<String>,
}

fn active() -> String {
    "ACTIVE".to_owned()
}

fn two() -> u32 {
    2
}

/// A public XKS proxy endpoint and the local URL that really serves it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XksProxy {
    /// The `XksProxyUriEndpoint` clients name (`https://xks.example.com`).
    pub uri_endpoint: String,
    /// Where the emulator sends the health check (`http://127.0.0.1:8443`).
    pub url: String,
}

/// A VPC endpoint service that XKS stores may use.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VpcEndpointService {
    /// `com.amazonaws.vpce.REGION.vpce-svc-...`
    pub name: String,
    /// The account that owns the service.
    pub owner: String,
    /// The private DNS name; the store's `XksProxyUriEndpoint` must be `https://` and it.
    pub private_dns_name: String,
    /// Where the emulator sends the health check.
    pub url: String,
}

impl Config {
    /// Reads and checks a configuration file; the error names the file and the problem.
    pub fn load(path: &std::path::Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read config file {}: {error}", path.display()))?;
        Config::parse(&text).map_err(|error| format!("config file {}: {error}", path.display()))
    }

    /// Parses configuration text.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|error| error.to_string())?;
        let mut seen = std::collections::BTreeSet::new();
        for cluster in &config.cloudhsm_clusters {
            if !seen.insert(cluster.cluster_id.as_str()) {
                return Err(format!("cluster `{}` is listed twice", cluster.cluster_id));
            }
        }
        Ok(config)
    }

    /// The public proxy that serves an endpoint, if one is configured.
    pub fn proxy_for(&self, uri_endpoint: &str) -> Option<&XksProxy> {
        self.xks_proxies.iter().find(|proxy| {
            proxy.uri_endpoint.trim_end_matches('/') == uri_endpoint.trim_end_matches('/')
        })
    }

    /// A VPC endpoint service by name.
    pub fn vpc_service(&self, name: &str) -> Option<&VpcEndpointService> {
        self.vpc_endpoint_services
            .iter()
            .find(|service| service.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_optional() {
        let config = Config::parse("").unwrap();
        assert_eq!(config.region, "us-east-1");
        assert_eq!(config.connect_delay_ms, 1000);
        assert_eq!(config.max_custom_key_stores, 10);
        assert_eq!(config.xks_timeout_ms, 250);
    }

    #[test]
    fn the_issue_example_parses() {
        let config = Config::parse(
            r#"
region = "eu-west-1"
account_id = "111122223333"
connect_delay_ms = 10
max_custom_key_stores = 3
xks_timeout_ms = 100
[[credentials]]
access_key_id = "AKIDEXAMPLE"
secret_access_key = "secret"
[[cloudhsm_clusters]]
cluster_id = "cluster-1a23b4cdefg"
state = "ACTIVE"
active_hsms = 2
trust_anchor_certificate = "anchor"
kmsuser_password = "pw"
backup_lineage = "lineage-1"
[[xks_proxies]]
uri_endpoint = "https://xks.example.com"
url = "http://127.0.0.1:8443"
[[vpc_endpoint_services]]
name = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"
owner = "111122223333"
private_dns_name = "xks.private.example.com"
url = "http://127.0.0.1:8444"
"#,
        )
        .unwrap();
        assert_eq!(config.region, "eu-west-1");
        assert_eq!(
            config.cloudhsm_clusters[0].backup_lineage.as_deref(),
            Some("lineage-1")
        );
        assert_eq!(
            config.proxy_for("https://xks.example.com/").unwrap().url,
            "http://127.0.0.1:8443"
        );
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(Config::parse("regoin = \"x\"")
            .unwrap_err()
            .contains("regoin"));
    }
}

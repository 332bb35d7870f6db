"""The pull requests of Tidewater v2.2.0 "Estuary" (released 2026-04-14)."""

from entry import E

ENTRIES = [
    E("virtualization", "feature", "vm",
      "Added the alpha `VMLiveMigration` feature gate. A VirtualMachine with `spec.evictionStrategy: LiveMigrate` is moved to another node instead of being shut down when its node is drained.",
      key="livemigration-alpha", kep=164),
    E("scheduling", "feature", "scheduler",
      "Added the alpha `GangScheduling` feature gate and the `spec.schedulingGroup` field of workloads, for jobs whose members must all start together.",
      kep=187),
    E("apps", "feature", "controller",
      "Added the alpha `SidecarWorkloads` feature gate: init containers may set `restartPolicy: Always` to run as sidecars for the workload's whole life.",
      kep=226),
    E("auth", "feature", "apiserver",
      "Added the alpha `StructuredAuthConfig` feature gate and the `--authentication-config` flag of `tide-apiserver`.",
      kep=233),
    E("storage", "feature", "scheduler",
      "Added the alpha `TopologyAwareVolumeBinding` feature gate, which lets the scheduler and the volume provisioner agree on a zone.",
      kep=205),
    E("instrumentation", "feature", "apiserver",
      "Promoted the `APIServerTracing` feature gate to beta; it is now enabled by default. Spans are exported only when `--tracing-config-file` is set.",
      kep=184),
    E("network", "feature", "proxy",
      "Added the `nftables` mode to `tide-proxy` as an alternative to `iptables`, for nodes with kernel 5.13 or later.",
      kep=302),

    E("scheduling", "deprecation", "apiserver",
      "Deprecated the `scheduling.tidewater.io/v1beta1` PlacementPolicy API; use `scheduling.tidewater.io/v1`. The v1beta1 version will be removed in v2.4.",
      key="dep-placement-v1beta1"),
    E("cloud-provider", "deprecation", "installer",
      "Deprecated `tideadm alpha certs` in favour of the new `tideadm certs` commands."),
    E("auth", "api-change", "apiserver",
      "ACTION REQUIRED: Service account tokens are no longer stored in Secrets by default. Workloads that read a token from a Secret of type `tidewater.io/service-account-token` must use a projected token volume or create the Secret by hand.",
      key="legacy-tokens", ar=True, usage="concepts/security/service-accounts/"),
    E("node", "api-change", "agent",
      "ACTION REQUIRED: Removed the `--docker-endpoint` flag of `tide-agent`, deprecated since v1.8. Configure the container runtime with `containerRuntimeEndpoint`.",
      key="rm-docker-endpoint", ar=True),
    E("cli", "deprecation", "tidectl",
      "Deprecated the `tidectl convert` plugin's `--output-version` flag; the target version is now taken from the object's `apiVersion`."),

    E("node", "feature", "agent",
      "Added graceful node shutdown to `tide-agent`, configured with `shutdownGracePeriod` and `shutdownGracePeriodCriticalWorkloads`."),
    E("cli", "feature", "tidectl",
      "Added `tidectl debug node/<name>`, which starts a privileged debugging container in the host namespaces of a node."),
    E("api-machinery", "feature", "apiserver",
      "Added validating admission policies with CEL expressions (`admissionregistration.tidewater.io/v1beta1`), so simple checks no longer need a webhook."),
    E("storage", "feature", "controller",
      "Added volume snapshots for CSI drivers (`snapshot.tidewater.io/v1`)."),
    E("virtualization", "feature", "vm tidectl",
      "Added the `VirtualMachine` API (`vm.tidewater.io/v1`) and `tidectl vm` commands to create, start and stop VMs next to containers."),
    E("cloud-provider", "feature", "provider/azure",
      "The Azure provider now supports Standard load balancers with several frontend IP configurations per Service."),
    E("network", "feature", "dns",
      "Cluster DNS now answers `AAAA` queries for dual-stack Services with both IPv6 cluster addresses."),

    E("node", "bug", "agent",
      "Fixed `tide-agent` garbage-collecting images still used by a workload that was being restarted."),
    E("network", "bug", "proxy",
      "Fixed `tide-proxy` leaving iptables rules behind for Services of type `NodePort` after they were changed to `ClusterIP`."),
    E("storage", "bug", "agent",
      "Fixed volumes with `fsGroup` set taking minutes to mount because ownership was changed recursively on every mount; `fsGroupChangePolicy: OnRootMismatch` is now honoured."),
    E("apps", "bug", "controller",
      "Fixed CronJobs creating two Jobs for one schedule after the controller's leader changed."),
    E("api-machinery", "bug", "apiserver",
      "Fixed `tide-apiserver` returning stale objects from the watch cache for up to a minute after etcd was restored from a backup."),
    E("auth", "bug", "apiserver security",
      "Fixed the node authorizer letting an agent read Secrets referenced by workloads that had been moved off its node (CVE-2026-10233)."),
    E("scheduling", "bug", "scheduler",
      "Fixed the scheduler ignoring node taints with the `PreferNoSchedule` effect when scoring nodes for a workload with tolerations."),
    E("instrumentation", "bug", "metrics",
      "Fixed the `tide_agent_running_containers` metric counting exited init containers."),

    E("release", "dependency", "dependency", "Built Tidewater with Go 1.26.1."),
    E("release", "dependency", "dependency", "Updated the default container runtime in `tideadm` node images to containerd v2.1.3."),
    E("docs", "documentation", "docs",
      "Added a concepts page explaining how Tidewater runs containers and VMs side by side on the same nodes.",
      usage="concepts/overview/containers-and-vms/"),

    E("node", "bug", "agent", None, special="empty", title="agent: report the runtime handler in the node status"),
    E("cli", "cleanup", "tidectl", None, special="noblock", title="tidectl: reorder the help groups"),
]

NONE_TITLES = [
    ("node", "cleanup", "agent", "agent: drop the unused dockershim test helpers"),
    ("network", "cleanup", "proxy", "tide-proxy: move iptables tests to a subpackage"),
    ("api-machinery", "flake", "test", "Deflake the CRD conversion webhook integration test"),
    ("release", "cleanup", "release-eng", "ci: split the unit test job by package"),
    ("apps", "cleanup", "controller", "controller: tidy the Deployment sync loop"),
    ("docs", "documentation", "docs", "Update the SIG meeting times in the community page"),
    ("storage", "failing-test", "test", "Fix the CSI ephemeral volume e2e test on single-node clusters"),
]

NONE_VARIANTS = ["NONE", "NONE", "NONE", "none", "NONE", "NONE", "N/A"]

CHERRY_PICKS = []

FIRST_TIMER_KEYS = []

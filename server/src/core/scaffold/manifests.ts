import { defaultServiceImage } from './image';
import { isService, type ScaffoldService } from './profiles';
import {
  configMapLines,
  documents,
  pvcLines,
  serviceLines,
  workloadLines,
  type Container,
  type EnvVar,
  type Labels,
  type Mount,
  type PrivilegedNeeds,
  type Resources,
  type Volume,
  type Workload,
} from './k8s';
import { ScaffoldOptionsError, type OptionProblem, type ScaffoldFile, type ScaffoldResult } from './types';
import { BACKENDS, checkBackend, checkNamespace, checkPinnedImage, checkReplicas, checkService } from './validate';

/**
 * `scaffoldManifests`: Kubernetes manifests for cinder (api, scheduler, volume, backup) or glance
 * (api), with their ConfigMap, a database-migration Job, Services, PVCs where a backend needs one,
 * a kustomization.yaml and a README. Least privilege: every container runs as loci's user 42424
 * with a read-only root filesystem, no capabilities, no privilege escalation, RuntimeDefault
 * seccomp, no service-account token and resource requests and limits; credentials come only from
 * Secrets the operator creates (README.md). Only cinder's LVM/iSCSI backend needs host access, and
 * each exception carries a `# dockyard-ignore rule: reason` comment. Pure and deterministic.
 */
export type Backend = 'ceph' | 'lvm' | 'file';

export interface ManifestOptions {
  service: ScaffoldService;
  namespace?: string;
  /** Default: the image `scaffoldImage` builds for the newest release. */
  image?: string;
  /** cinder: ceph | lvm; glance: ceph | file. Default ceph. */
  backend?: Backend;
  replicas?: number;
}

export interface ResolvedManifestOptions {
  service: ScaffoldService;
  namespace: string;
  image: string;
  backend: Backend;
  replicas: number;
}

export function resolveManifestOptions(o: ManifestOptions): ResolvedManifestOptions {
  return {
    service: o.service,
    namespace: o.namespace ?? 'openstack',
    image: o.image ?? (isService(o.service) ? defaultServiceImage(o.service) : ''),
    backend: o.backend ?? 'ceph',
    replicas: o.replicas ?? 1,
  };
}

export function validateManifestOptions(o: ManifestOptions): OptionProblem[] {
  const problems = checkService(o.service);
  if (problems.length) return problems;
  const r = resolveManifestOptions(o);
  return [...checkNamespace(r.namespace), ...checkPinnedImage('image', r.image), ...checkBackend(r.service, r.backend), ...checkReplicas(r.replicas)];
}

export function backendsFor(service: ScaffoldService): readonly string[] {
  return BACKENDS[service];
}

/** The secret names and keys the manifests reference (created by the operator, see README.md). */
export function secretNames(service: ScaffoldService): { credentials: string; ceph: string } {
  return { credentials: `${service}-credentials`, ceph: `${service}-ceph` };
}

const R_SMALL: Resources = { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } };
const R_MEDIUM: Resources = { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } };
const R_LARGE: Resources = { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '2', memory: '2Gi' } };

const VENV = '/var/lib/openstack';

const EMPTY_DIRS = (svc: string): Volume[] => [
  { name: 'tmp', body: ['emptyDir: {}'] },
  { name: 'state', body: ['emptyDir: {}'] },
];
const EMPTY_MOUNTS = (svc: string): Mount[] => [
  { name: 'tmp', mountPath: '/tmp' },
  { name: 'state', mountPath: `/var/lib/${svc}` },
];

function secretEnv(service: ScaffoldService, which: ('db' | 'mq' | 'keystone')[]): EnvVar[] {
  const s = secretNames(service).credentials;
  const out: EnvVar[] = [];
  if (which.includes('db')) {
    out.push({
      name: 'OS_DATABASE__CONNECTION',
      secret: { name: s, key: 'database-connection' },
      comment: `oslo.config reads OS_<SECTION>__<OPTION> variables as options: [database] connection.`,
    });
  }
  if (which.includes('mq')) out.push({ name: 'OS_DEFAULT__TRANSPORT_URL', secret: { name: s, key: 'transport-url' } });
  if (which.includes('keystone')) out.push({ name: 'OS_KEYSTONE_AUTHTOKEN__PASSWORD', secret: { name: s, key: 'keystone-password' } });
  return out;
}

function etcVolume(service: ScaffoldService, keys: string[]): Volume {
  return {
    name: `${service}-etc`,
    body: ['configMap:', `  name: ${service}-etc`, '  items:', ...keys.flatMap((k) => [`    - key: ${k}`, `      path: ${k}`])],
  };
}

function cephVolume(service: ScaffoldService, user: string): Volume {
  return {
    name: 'ceph',
    body: [
      'secret:',
      `  secretName: ${secretNames(service).ceph}`,
      '  # 0440: readable by the service user through fsGroup, by nobody else.',
      '  defaultMode: 288',
      '  items:',
      '    - key: ceph.conf',
      '      path: ceph.conf',
      '    - key: keyring',
      `      path: ceph.client.${user}.keyring`,
    ],
  };
}

const CEPH_MOUNT: Mount = { name: 'ceph', mountPath: '/etc/ceph', readOnly: true };

function header(r: ResolvedManifestOptions, lines: string[]): string[] {
  return [...lines, `Generated by \`dockyard scaffold manifests ${r.service} --backend ${r.backend}\`; see README.md.`];
}

// ----------------------------------------------------------------------------------------------
// cinder

const CINDER_API_PORT = 8776;
const LVM_NODE_LABEL = 'openstack-cinder-lvm';

function keystoneSection(r: ResolvedManifestOptions, username: string): string[] {
  const ns = r.namespace;
  return [
    '[keystone_authtoken]',
    `www_authenticate_uri = http://keystone-api.${ns}.svc:5000`,
    `auth_url = http://keystone-api.${ns}.svc:5000`,
    'auth_type = password',
    'project_domain_name = Default',
    'user_domain_name = Default',
    'project_name = service',
    `username = ${username}`,
    `# password: OS_KEYSTONE_AUTHTOKEN__PASSWORD from the Secret ${secretNames(r.service).credentials}, key keystone-password`,
    `memcached_servers = memcached.${ns}.svc:11211`,
    'service_token_roles_required = true',
  ];
}

function cinderConf(r: ResolvedManifestOptions): string {
  const s = secretNames('cinder');
  const lines = [
    '[DEFAULT]',
    '# Logs go to stderr, for kubectl logs.',
    'use_stderr = true',
    'state_path = /var/lib/cinder',
    `api_paste_config = ${VENV}/etc/cinder/api-paste.ini`,
    `resource_query_filters_file = ${VENV}/etc/cinder/resource_filters.json`,
    'auth_strategy = keystone',
    `enabled_backends = ${r.backend}`,
    `# transport_url: OS_DEFAULT__TRANSPORT_URL from the Secret ${s.credentials}, key transport-url`,
  ];
  if (r.backend === 'ceph') {
    lines.push(
      'backup_driver = cinder.backup.drivers.ceph.CephBackupDriver',
      'backup_ceph_conf = /etc/ceph/ceph.conf',
      'backup_ceph_user = cinder',
      'backup_ceph_pool = backups',
    );
  } else {
    lines.push(
      '# Backups are files on the PersistentVolumeClaim cinder-backup.',
      'backup_driver = cinder.backup.drivers.posix.PosixBackupDriver',
      'backup_posix_path = /var/lib/cinder/backup',
      '# LVM commands and iSCSI logins run as root through sudo and cinder-rootwrap.',
      'rootwrap_config = /etc/cinder/rootwrap.conf',
    );
  }
  lines.push(
    '',
    '[database]',
    `# connection: OS_DATABASE__CONNECTION from the Secret ${s.credentials}, key database-connection`,
    'max_retries = -1',
    '',
    ...keystoneSection(r, 'cinder'),
    '',
    '[oslo_messaging_notifications]',
    '# Nothing consumes notifications yet; use messagingv2 when a consumer (Ceilometer) listens.',
    'driver = noop',
    '',
    '[oslo_messaging_rabbit]',
    '# Broker address and credentials are in transport_url.',
    'heartbeat_timeout_threshold = 60',
    '',
    '[oslo_concurrency]',
    'lock_path = /var/lib/cinder/tmp',
    '',
    '[oslo_middleware]',
    'enable_proxy_headers_parsing = true',
    '',
  );
  if (r.backend === 'ceph') {
    lines.push(
      '[ceph]',
      'volume_driver = cinder.volume.drivers.rbd.RBDDriver',
      'volume_backend_name = ceph',
      'rbd_pool = volumes',
      'rbd_ceph_conf = /etc/ceph/ceph.conf',
      'rbd_user = cinder',
      `# rbd_secret_uuid: OS_CEPH__RBD_SECRET_UUID from the Secret ${s.ceph}, key rbd-secret-uuid (nova's libvirt secret)`,
      '# Every cinder-volume pod serves this backend under one name, so a new pod takes over the volumes.',
      'backend_host = rbd:volumes',
      'rbd_flatten_volume_from_snapshot = false',
      'report_discard_supported = true',
    );
  } else {
    lines.push(
      '[lvm]',
      'volume_driver = cinder.volume.drivers.lvm.LVMVolumeDriver',
      'volume_backend_name = lvm',
      '# The volume group on the node, created beforehand (README.md).',
      'volume_group = cinder-volumes',
      'target_helper = tgtadm',
      'target_protocol = iscsi',
      '# target_ip_address: OS_LVM__TARGET_IP_ADDRESS, the node address (status.hostIP)',
      'volumes_dir = /var/lib/cinder/volumes',
    );
  }
  return lines.join('\n') + '\n';
}

function uwsgiIni(service: string, port: number, wsgi: string, extra: string[]): string {
  return [
    '[uwsgi]',
    `http-socket = 0.0.0.0:${port}`,
    `wsgi-file = ${VENV}/bin/${wsgi}`,
    `procname-prefix-spaced = ${service}-api:`,
    'master = true',
    'processes = 2',
    'threads = 1',
    'enable-threads = true',
    'lazy-apps = true',
    'die-on-term = true',
    'exit-on-reload = false',
    'hook-master-start = unix_signal:15 gracefully_kill_them_all',
    'thunder-lock = true',
    'buffer-size = 65535',
    'add-header = Connection: close',
    'log-x-forwarded-for = true',
    ...extra,
  ].join('\n') + '\n';
}

function rootwrapConf(): string {
  return [
    '# cinder-rootwrap: the filters pip installed into loci\'s virtualenv.',
    '[DEFAULT]',
    `filters_path = ${VENV}/etc/cinder/rootwrap.d`,
    `exec_dirs = ${VENV}/bin,/sbin,/usr/sbin,/bin,/usr/bin`,
    'use_syslog = False',
  ].join('\n') + '\n';
}

function sudoers(): string {
  return [
    '# The cinder user may run cinder-rootwrap (which checks each command against its filters) as root.',
    'Defaults !requiretty',
    `Defaults secure_path="${VENV}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"`,
    `cinder ALL = (root) NOPASSWD: ${VENV}/bin/cinder-rootwrap /etc/cinder/rootwrap.conf *`,
  ].join('\n') + '\n';
}

function lvmConf(): string {
  return [
    '# LVM inside the cinder-volume container. No udev runs in the container, so LVM creates the',
    '# /dev nodes itself; metadata backups go to the pod\'s state directory (the volume group keeps',
    '# its own copy of the metadata on disk).',
    'devices {',
    '    obtain_device_list_from_udev = 0',
    '}',
    'activation {',
    '    udev_sync = 0',
    '    udev_rules = 0',
    '}',
    'backup {',
    '    backup_dir = "/var/lib/cinder/lvm/backup"',
    '    archive_dir = "/var/lib/cinder/lvm/archive"',
    '}',
  ].join('\n') + '\n';
}

function cinderEtc(r: ResolvedManifestOptions): string[] {
  const files: [string, string][] = [
    ['cinder.conf', cinderConf(r)],
    ['cinder-api-uwsgi.ini', uwsgiIni('cinder', CINDER_API_PORT, 'cinder-wsgi', [])],
  ];
  if (r.backend === 'lvm') {
    files.push(['rootwrap.conf', rootwrapConf()], ['sudoers', sudoers()], ['lvm.conf', lvmConf()], ['tgt-cinder.conf', 'include /var/lib/cinder/volumes/*\n']);
  }
  return configMapLines(
    'cinder-etc',
    r.namespace,
    { app: 'cinder', component: 'config' },
    header(r, [
      "cinder-etc: cinder's configuration files. Nothing secret is in here: the database connection, the",
      `RabbitMQ URL and the Keystone password come from the Secret ${secretNames('cinder').credentials} as environment`,
      'variables (OS_<SECTION>__<OPTION>, read by oslo.config).',
    ]),
    files,
  );
}

const SUDO_MOUNTS: Mount[] = [
  { name: 'sudoers', mountPath: '/etc/sudoers.d', readOnly: true },
  { name: 'sudo-run', mountPath: '/run/sudo' },
];

function sudoVolumes(): Volume[] {
  return [
    {
      name: 'sudoers',
      body: ['configMap:', '  name: cinder-etc', '  # 0440, as sudo requires.', '  defaultMode: 288', '  items:', '    - key: sudoers', '      path: cinder-rootwrap'],
    },
    { name: 'sudo-run', body: ['emptyDir: {}'] },
  ];
}

function hostDev(reason: string): Volume {
  return { name: 'host-dev', host: { path: '/dev', type: 'Directory', suppress: { rules: ['host-path-volume', 'sensitive-host-path'], reason } } };
}

const ISCSI_PRIVILEGE = (what: string): PrivilegedNeeds => ({
  privileged: `${what} need device-mapper and block-device access on the host, which only a privileged container gets`,
  escalation: 'cinder runs root commands via sudo cinder-rootwrap (setuid); the API also rejects allowPrivilegeEscalation false with privileged',
});

function cinderVolume(r: ResolvedManifestOptions): Workload {
  const labels: Labels = { app: 'cinder', component: 'volume' };
  const s = secretNames('cinder');
  if (r.backend === 'ceph') {
    return {
      kind: 'Deployment',
      name: 'cinder-volume',
      namespace: r.namespace,
      labels,
      comment: header(r, ['cinder-volume: creates, snapshots and deletes volumes in the Ceph pool "volumes" through librbd.', 'No host access and nothing privileged.']),
      replicasComment: 'One pod: cinder-volume without a coordination backend must not run twice for a backend.',
      replicas: 1,
      recreate: 'The old pod stops before the new one starts.',
      pod: {
        containers: [
          {
            name: 'cinder-volume',
            image: r.image,
            command: [`${VENV}/bin/cinder-volume`, '--config-file', '/etc/cinder/cinder.conf'],
            env: [...secretEnv('cinder', ['db', 'mq']), { name: 'OS_CEPH__RBD_SECRET_UUID', secret: { name: s.ceph, key: 'rbd-secret-uuid' } }],
            resources: R_MEDIUM,
            mounts: [{ name: 'cinder-etc', mountPath: '/etc/cinder', readOnly: true }, CEPH_MOUNT, ...EMPTY_MOUNTS('cinder')],
          },
        ],
        volumes: [etcVolume('cinder', ['cinder.conf']), cephVolume('cinder', 'cinder'), ...EMPTY_DIRS('cinder')],
      },
    };
  }
  return {
    kind: 'Deployment',
    name: 'cinder-volume',
    namespace: r.namespace,
    labels,
    comment: header(r, [
      'cinder-volume with the LVM driver: carves volumes out of the volume group "cinder-volumes" on the node',
      `labelled ${LVM_NODE_LABEL}=enabled and exports them over iSCSI with tgt (the tgtd container).`,
      'This needs host access no restricted pod has; every exception below carries its reason.',
    ]),
    replicasComment: 'One pod: the volume group is local to its node.',
    replicas: 1,
    recreate: 'The old pod releases the volume group before the new one starts.',
    pod: {
      nodeSelector: { [LVM_NODE_LABEL]: 'enabled' },
      hostNetwork: {
        reason: 'initiators log in to the iSCSI target at the node address (target_ip_address = status.hostIP), served only in the host network namespace',
      },
      containers: [
        {
          name: 'cinder-volume',
          image: r.image,
          command: [`${VENV}/bin/cinder-volume`, '--config-file', '/etc/cinder/cinder.conf'],
          env: [...secretEnv('cinder', ['db', 'mq']), { name: 'OS_LVM__TARGET_IP_ADDRESS', fieldPath: 'status.hostIP' }],
          resources: R_MEDIUM,
          privileged: ISCSI_PRIVILEGE('lvcreate, lvremove and tgtadm (run as root through cinder-rootwrap)'),
          mounts: [
            { name: 'cinder-etc', mountPath: '/etc/cinder', readOnly: true },
            { name: 'lvm-conf', mountPath: '/etc/lvm/lvm.conf', subPath: 'lvm.conf', readOnly: true },
            { name: 'tgt-conf', mountPath: '/etc/tgt/conf.d/cinder.conf', subPath: 'tgt-cinder.conf', readOnly: true },
            ...SUDO_MOUNTS,
            ...EMPTY_MOUNTS('cinder'),
            { name: 'tgtd-run', mountPath: '/run/tgtd' },
            {
              name: 'host-dev',
              mountPath: '/dev',
              suppress: { rules: ['writable-host-mount'], reason: 'lvcreate and lvremove add and remove device nodes under /dev' },
            },
            {
              name: 'host-lvm-lock',
              mountPath: '/run/lock/lvm',
              suppress: { rules: ['writable-host-mount'], reason: 'LVM takes its volume-group locks here, shared with LVM commands on the host' },
            },
            {
              name: 'host-iscsi',
              mountPath: '/etc/iscsi',
              suppress: { rules: ['writable-host-mount'], reason: 'iscsiadm records the targets it logs in to under /etc/iscsi/nodes' },
            },
            { name: 'host-modules', mountPath: '/lib/modules', readOnly: true },
          ],
        },
        {
          comment: ['tgtd: the iSCSI target daemon that tgtadm (in cinder-volume) configures through /run/tgtd.'],
          name: 'tgtd',
          image: r.image,
          command: ['/usr/sbin/tgtd', '--foreground'],
          resources: R_SMALL,
          privileged: {
            privileged: 'tgtd opens the logical volumes as block devices and serves them as iSCSI LUNs',
            escalation: 'the API rejects allowPrivilegeEscalation false together with privileged',
            root: {
              nonRoot: 'tgtd only runs as root (it refuses to start otherwise)',
              user: 'tgtd only runs as root; it is the one container of the pod that does',
            },
          },
          mounts: [
            { name: 'tgtd-run', mountPath: '/run/tgtd' },
            { name: 'host-dev', mountPath: '/dev', suppress: { rules: ['writable-host-mount'], reason: 'tgtd opens /dev/cinder-volumes/* read-write to serve them' } },
          ],
        },
      ],
      volumes: [
        etcVolume('cinder', ['cinder.conf', 'rootwrap.conf']),
        { name: 'lvm-conf', body: ['configMap:', '  name: cinder-etc', '  items:', '    - key: lvm.conf', '      path: lvm.conf'] },
        { name: 'tgt-conf', body: ['configMap:', '  name: cinder-etc', '  items:', '    - key: tgt-cinder.conf', '      path: tgt-cinder.conf'] },
        ...sudoVolumes(),
        ...EMPTY_DIRS('cinder'),
        { name: 'tgtd-run', body: ['emptyDir: {}'] },
        hostDev('LVM creates the /dev/cinder-volumes/* nodes of new volumes and tgtd serves them; both must be the host devices'),
        {
          name: 'host-lvm-lock',
          host: {
            path: '/run/lock/lvm',
            type: 'DirectoryOrCreate',
            suppress: { rules: ['host-path-volume'], reason: 'the host LVM lock directory: container and host never change the volume group metadata at once' },
          },
        },
        {
          name: 'host-iscsi',
          host: {
            path: '/etc/iscsi',
            type: 'Directory',
            suppress: {
              rules: ['host-path-volume', 'sensitive-host-path'],
              reason: "the node's iSCSI initiator name and node records, used when cinder-volume attaches a volume to copy it",
            },
          },
        },
        {
          name: 'host-modules',
          host: {
            path: '/lib/modules',
            type: 'Directory',
            suppress: { rules: ['host-path-volume', 'sensitive-host-path'], reason: "the node's kernel modules, mounted read-only, for modprobe dm-thin-pool" },
          },
        },
      ],
    },
  };
}

function cinderBackup(r: ResolvedManifestOptions): { workload: Workload; pvc?: string[] } {
  const labels: Labels = { app: 'cinder', component: 'backup' };
  const command = [`${VENV}/bin/cinder-backup`, '--config-file', '/etc/cinder/cinder.conf'];
  if (r.backend === 'ceph') {
    return {
      workload: {
        kind: 'Deployment',
        name: 'cinder-backup',
        namespace: r.namespace,
        labels,
        comment: header(r, ['cinder-backup: backs volumes up into the Ceph pool "backups" (RBD to RBD, no host access).']),
        replicas: r.replicas,
        pod: {
          containers: [
            {
              name: 'cinder-backup',
              image: r.image,
              command,
              env: secretEnv('cinder', ['db', 'mq']),
              resources: R_MEDIUM,
              mounts: [{ name: 'cinder-etc', mountPath: '/etc/cinder', readOnly: true }, CEPH_MOUNT, ...EMPTY_MOUNTS('cinder')],
            },
          ],
          volumes: [etcVolume('cinder', ['cinder.conf']), cephVolume('cinder', 'cinder'), ...EMPTY_DIRS('cinder')],
        },
      },
    };
  }
  const access = r.replicas > 1 ? 'ReadWriteMany' : 'ReadWriteOnce';
  return {
    workload: {
      kind: 'Deployment',
      name: 'cinder-backup',
      namespace: r.namespace,
      labels,
      comment: header(r, [
        'cinder-backup: attaches LVM volumes over iSCSI and writes the backups as files to the',
        'PersistentVolumeClaim cinder-backup. Attaching needs the host iSCSI initiator; each exception carries its reason.',
      ]),
      replicas: r.replicas,
      recreate: access === 'ReadWriteOnce' ? 'The backup claim is ReadWriteOnce: the old pod stops before the new one starts.' : undefined,
      pod: {
        nodeSelector: { [LVM_NODE_LABEL]: 'enabled' },
        hostNetwork: { reason: "iscsiadm talks to the node's iscsid over an abstract socket of the host network namespace" },
        containers: [
          {
            name: 'cinder-backup',
            image: r.image,
            command,
            env: secretEnv('cinder', ['db', 'mq']),
            resources: R_MEDIUM,
            privileged: ISCSI_PRIVILEGE('iSCSI logins and reading the attached disks (as root through cinder-rootwrap)'),
            mounts: [
              { name: 'cinder-etc', mountPath: '/etc/cinder', readOnly: true },
              ...SUDO_MOUNTS,
              ...EMPTY_MOUNTS('cinder'),
              { name: 'backups', mountPath: '/var/lib/cinder/backup' },
              { name: 'host-dev', mountPath: '/dev', suppress: { rules: ['writable-host-mount'], reason: 'iSCSI sessions add the /dev/sd* disks that are read during a backup' } },
              {
                name: 'host-iscsi',
                mountPath: '/etc/iscsi',
                suppress: { rules: ['writable-host-mount'], reason: 'iscsiadm records the targets it logs in to under /etc/iscsi/nodes' },
              },
            ],
          },
        ],
        volumes: [
          etcVolume('cinder', ['cinder.conf', 'rootwrap.conf']),
          ...sudoVolumes(),
          ...EMPTY_DIRS('cinder'),
          { name: 'backups', body: ['persistentVolumeClaim:', '  claimName: cinder-backup'] },
          hostDev('iSCSI logins create /dev/sd* disks on the host, and cinder-backup reads the volume from there'),
          {
            name: 'host-iscsi',
            host: {
              path: '/etc/iscsi',
              type: 'Directory',
              suppress: { rules: ['host-path-volume', 'sensitive-host-path'], reason: "the node's iSCSI initiator name and node records, shared with the node's iscsid" },
            },
          },
        ],
      },
    },
    pvc: pvcLines('cinder-backup', r.namespace, labels, '100Gi', access, [
      'cinder-backup: where the posix backup driver writes backups. Size it for your backups;',
      access === 'ReadWriteOnce' ? 'ReadWriteMany is needed once cinder-backup runs more than one replica.' : 'ReadWriteMany: every cinder-backup replica writes to it.',
    ]),
  };
}

function dbSync(r: ResolvedManifestOptions, command: string[], mounts: Mount[], volumes: Volume[]): Workload {
  return {
    kind: 'Job',
    name: `${r.service}-db-sync`,
    namespace: r.namespace,
    labels: { app: r.service, component: 'db-sync' },
    comment: header(r, [`${r.service}-db-sync: creates or upgrades ${r.service}'s database schema; run it before the services start.`]),
    pod: {
      restartPolicy: 'OnFailure',
      containers: [{ name: `${r.service}-db-sync`, image: r.image, command, env: secretEnv(r.service, ['db']), resources: R_MEDIUM, mounts }],
      volumes,
    },
  };
}

function cinderFiles(r: ResolvedManifestOptions): ScaffoldFile[] {
  const labels = (component: string): Labels => ({ app: 'cinder', component });
  const etcMount: Mount = { name: 'cinder-etc', mountPath: '/etc/cinder', readOnly: true };
  const api: Workload = {
    kind: 'Deployment',
    name: 'cinder-api',
    namespace: r.namespace,
    labels: labels('api'),
    comment: header(r, [`cinder-api: the Block Storage API on port ${CINDER_API_PORT} under uWSGI, and its Service.`]),
    replicas: r.replicas,
    pod: {
      containers: [
        {
          name: 'cinder-api',
          image: r.image,
          command: [`${VENV}/bin/uwsgi`, '--ini', '/etc/cinder/cinder-api-uwsgi.ini'],
          env: secretEnv('cinder', ['db', 'mq', 'keystone']),
          ports: [{ name: 'http', containerPort: CINDER_API_PORT }],
          http: { port: 'http', path: '/healthcheck' },
          resources: R_MEDIUM,
          mounts: [etcMount, ...EMPTY_MOUNTS('cinder')],
        },
      ],
      volumes: [etcVolume('cinder', ['cinder.conf', 'cinder-api-uwsgi.ini']), ...EMPTY_DIRS('cinder')],
    },
  };
  const scheduler: Workload = {
    kind: 'Deployment',
    name: 'cinder-scheduler',
    namespace: r.namespace,
    labels: labels('scheduler'),
    comment: header(r, ['cinder-scheduler: picks the backend for each new volume.']),
    replicas: r.replicas,
    pod: {
      containers: [
        {
          name: 'cinder-scheduler',
          image: r.image,
          command: [`${VENV}/bin/cinder-scheduler`, '--config-file', '/etc/cinder/cinder.conf'],
          env: secretEnv('cinder', ['db', 'mq']),
          resources: R_SMALL,
          mounts: [etcMount, ...EMPTY_MOUNTS('cinder')],
        },
      ],
      volumes: [etcVolume('cinder', ['cinder.conf']), ...EMPTY_DIRS('cinder')],
    },
  };
  const backup = cinderBackup(r);
  const job = dbSync(
    r,
    [`${VENV}/bin/cinder-manage`, '--config-file', '/etc/cinder/cinder.conf', 'db', 'sync'],
    [etcMount, ...EMPTY_MOUNTS('cinder')],
    [etcVolume('cinder', ['cinder.conf']), ...EMPTY_DIRS('cinder')],
  );
  const files: ScaffoldFile[] = [
    { path: 'cinder-etc.yaml', content: documents([cinderEtc(r)]) },
    { path: 'cinder-db-sync.yaml', content: documents([workloadLines(job)]) },
    { path: 'cinder-api.yaml', content: documents([workloadLines(api), serviceLines('cinder-api', r.namespace, labels('api'), CINDER_API_PORT)]) },
    { path: 'cinder-scheduler.yaml', content: documents([workloadLines(scheduler)]) },
    { path: 'cinder-volume.yaml', content: documents([workloadLines(cinderVolume(r))]) },
    { path: 'cinder-backup.yaml', content: documents(backup.pvc ? [backup.pvc, workloadLines(backup.workload)] : [workloadLines(backup.workload)]) },
  ];
  return files;
}

// ----------------------------------------------------------------------------------------------
// glance

const GLANCE_API_PORT = 9292;

function glanceConf(r: ResolvedManifestOptions): string {
  const s = secretNames('glance');
  const lines = [
    '[DEFAULT]',
    '# Logs go to stderr, for kubectl logs.',
    'use_stderr = true',
    '# Uploads and imports are staged here (the pod\'s emptyDir).',
    'node_staging_uri = file:///var/lib/glance/staging',
  ];
  if (r.backend === 'ceph') lines.push('# Lets cinder and nova clone images in Ceph instead of copying them.', 'show_image_direct_url = true');
  lines.push(
    '',
    '[database]',
    `# connection: OS_DATABASE__CONNECTION from the Secret ${s.credentials}, key database-connection`,
    'max_retries = -1',
    '',
    ...keystoneSection(r, 'glance'),
    '',
    '[paste_deploy]',
    'flavor = keystone',
    `config_file = ${VENV}/etc/glance/glance-api-paste.ini`,
    '',
    '[glance_store]',
  );
  if (r.backend === 'ceph') {
    lines.push('stores = rbd,http', 'default_store = rbd', 'rbd_store_pool = images', 'rbd_store_user = glance', 'rbd_store_ceph_conf = /etc/ceph/ceph.conf', 'rbd_store_chunk_size = 8');
  } else {
    lines.push('stores = file,http', 'default_store = file', '# The PersistentVolumeClaim glance-images.', 'filesystem_store_datadir = /var/lib/glance/images/');
  }
  lines.push('', '[oslo_concurrency]', 'lock_path = /var/lib/glance/tmp', '', '[oslo_middleware]', 'enable_proxy_headers_parsing = true');
  return lines.join('\n') + '\n';
}

function glanceFiles(r: ResolvedManifestOptions): ScaffoldFile[] {
  const labels = (component: string): Labels => ({ app: 'glance', component });
  const etcMount: Mount = { name: 'glance-etc', mountPath: '/etc/glance', readOnly: true };
  const file = r.backend === 'file';
  const access = r.replicas > 1 ? 'ReadWriteMany' : 'ReadWriteOnce';
  const mounts: Mount[] = [etcMount, ...EMPTY_MOUNTS('glance')];
  const volumes: Volume[] = [etcVolume('glance', ['glance-api.conf', 'glance-api-uwsgi.ini']), ...EMPTY_DIRS('glance')];
  if (file) {
    mounts.push({ name: 'images', mountPath: '/var/lib/glance/images' });
    volumes.push({ name: 'images', body: ['persistentVolumeClaim:', '  claimName: glance-images'] });
  } else {
    mounts.splice(1, 0, CEPH_MOUNT);
    volumes.splice(1, 0, cephVolume('glance', 'glance'));
  }
  const api: Workload = {
    kind: 'Deployment',
    name: 'glance-api',
    namespace: r.namespace,
    labels: labels('api'),
    comment: header(r, [
      `glance-api: the Image API on port ${GLANCE_API_PORT} under uWSGI, and its Service.`,
      file ? 'Images are files on the PersistentVolumeClaim glance-images.' : 'Images are stored in the Ceph pool "images" through librbd.',
    ]),
    replicas: r.replicas,
    recreate: file && access === 'ReadWriteOnce' ? 'The image claim is ReadWriteOnce: the old pod stops before the new one starts.' : undefined,
    pod: {
      containers: [
        {
          name: 'glance-api',
          image: r.image,
          command: [`${VENV}/bin/uwsgi`, '--ini', '/etc/glance/glance-api-uwsgi.ini'],
          env: secretEnv('glance', ['db', 'keystone']),
          ports: [{ name: 'http', containerPort: GLANCE_API_PORT }],
          http: { port: 'http', path: '/healthcheck' },
          resources: R_LARGE,
          mounts,
        },
      ],
      volumes,
    },
  };
  const etc = configMapLines(
    'glance-etc',
    r.namespace,
    labels('config'),
    header(r, [
      "glance-etc: glance's configuration files. Nothing secret is in here: the database connection and the",
      `Keystone password come from the Secret ${secretNames('glance').credentials} as environment variables`,
      '(OS_<SECTION>__<OPTION>, read by oslo.config).',
    ]),
    [
      ['glance-api.conf', glanceConf(r)],
      [
        'glance-api-uwsgi.ini',
        uwsgiIni('glance', GLANCE_API_PORT, 'glance-wsgi-api', ['# Image uploads stream through uWSGI.', 'http-auto-chunked = true', 'http-chunked-input = true', 'http-raw-body = true', 'socket-timeout = 10']),
      ],
    ],
  );
  const job = dbSync(
    r,
    [`${VENV}/bin/glance-manage`, '--config-file', '/etc/glance/glance-api.conf', 'db_sync'],
    [etcMount, ...EMPTY_MOUNTS('glance')],
    [etcVolume('glance', ['glance-api.conf']), ...EMPTY_DIRS('glance')],
  );
  const apiDocs = [workloadLines(api), serviceLines('glance-api', r.namespace, labels('api'), GLANCE_API_PORT)];
  if (file) {
    apiDocs.unshift(
      pvcLines('glance-images', r.namespace, labels('api'), '100Gi', access, [
        'glance-images: the file store. Size it for your images;',
        access === 'ReadWriteOnce' ? 'ReadWriteMany is needed once glance-api runs more than one replica.' : 'ReadWriteMany: every glance-api replica reads and writes it.',
      ]),
    );
  }
  return [
    { path: 'glance-etc.yaml', content: documents([etc]) },
    { path: 'glance-db-sync.yaml', content: documents([workloadLines(job)]) },
    { path: 'glance-api.yaml', content: documents(apiDocs) },
  ];
}

// ----------------------------------------------------------------------------------------------

function kustomization(files: ScaffoldFile[]): string {
  return ['# kubectl apply -k .   (after creating the Secrets listed in README.md)', 'resources:', ...files.map((f) => `  - ${f.path}`)].join('\n') + '\n';
}

function readme(r: ResolvedManifestOptions, files: ScaffoldFile[]): string {
  const s = secretNames(r.service);
  const ns = r.namespace;
  const svc = r.service;
  const out: string[] = [
    `# ${svc} on Kubernetes (${r.backend} backend)`,
    '',
    `Generated by \`dockyard scaffold manifests ${svc} --backend ${r.backend}\` for the namespace \`${ns}\` and the image`,
    `\`${r.image}\` (build it with \`dockyard scaffold image ${svc}\`).`,
    '',
    '| file | what |',
    '|---|---|',
    ...files.map((f) => `| \`${f.path}\` | ${describe(r, f.path)} |`),
    '',
    '## Before you apply',
    '',
    `The manifests expect a database,${svc === 'cinder' ? ' RabbitMQ,' : ''} memcached at \`memcached.${ns}.svc:11211\` and Keystone at`,
    `\`keystone-api.${ns}.svc:5000\`; change those names in \`${svc}-etc.yaml\` if yours differ.`,
    '',
    'Credentials never appear in the manifests. Create the Secret they reference from files (that keeps the',
    'passwords out of your shell history):',
    '',
    `- \`${svc}-database-connection\`: \`mysql+pymysql://${svc}:PASSWORD@mariadb.${ns}.svc/${svc}\``,
    ...(svc === 'cinder' ? [`- \`cinder-transport-url\`: \`rabbit://cinder:PASSWORD@rabbitmq.${ns}.svc:5672/cinder\``] : []),
    `- \`${svc}-keystone-password\`: the password of the Keystone user \`${svc}\``,
    '',
    '```sh',
    `kubectl -n ${ns} create secret generic ${s.credentials} \\`,
    `  --from-file=database-connection=./${svc}-database-connection \\`,
    ...(svc === 'cinder' ? ['  --from-file=transport-url=./cinder-transport-url \\'] : []),
    `  --from-file=keystone-password=./${svc}-keystone-password`,
    '```',
    '',
  ];
  if (r.backend === 'ceph') {
    const user = svc;
    out.push(
      `Ceph: the client \`client.${user}\`, its keyring and the cluster's \`ceph.conf\`:`,
      '',
      '```sh',
      svc === 'cinder'
        ? `ceph auth get-or-create client.cinder mon 'profile rbd' osd 'profile rbd pool=volumes, profile rbd pool=backups, profile rbd-read-only pool=images' > cinder.keyring`
        : `ceph auth get-or-create client.glance mon 'profile rbd' osd 'profile rbd pool=images' > glance.keyring`,
      `kubectl -n ${ns} create secret generic ${s.ceph} \\`,
      `  --from-file=ceph.conf=/etc/ceph/ceph.conf \\`,
      svc === 'cinder' ? `  --from-file=keyring=./cinder.keyring \\` : `  --from-file=keyring=./glance.keyring`,
    );
    if (svc === 'cinder') out.push("  --from-literal=rbd-secret-uuid=UUID   # the libvirt secret nova's computes define for client.cinder");
    out.push('```', '');
    if (svc === 'cinder') {
      out.push(
        'Nothing runs privileged. Creating a volume from an image is an RBD clone when the image is raw and in the',
        'same Ceph cluster (glance with `show_image_direct_url`); converting other images needs cinder-rootwrap',
        '(root), which this least-privilege setup does not allow.',
        '',
      );
    }
  } else if (r.backend === 'lvm') {
    out.push(
      `LVM: on the storage node, create the volume group and label the node (open-iscsi's iscsid must run there,`,
      'and no tgtd of the host may listen on port 3260):',
      '',
      '```sh',
      'vgcreate cinder-volumes /dev/sdX',
      `kubectl label node NODE ${LVM_NODE_LABEL}=enabled`,
      '```',
      '',
      'cinder-volume and cinder-backup run privileged, in the host network, with host `/dev`, `/etc/iscsi`,',
      '`/run/lock/lvm` and (read-only) `/lib/modules`: LVM and iSCSI need them. Each of these settings carries a',
      '`# dockyard-ignore` comment with the reason, so `dockyard lint` reports nothing else. Nothing else runs',
      'privileged. Pod Security admission must allow privileged pods in this namespace',
      '(`pod-security.kubernetes.io/enforce: privileged`), or move these two Deployments to a namespace of their own.',
      '',
    );
  } else {
    out.push('Images are files on the PersistentVolumeClaim `glance-images` (default StorageClass, 100Gi).', '');
  }
  out.push(
    'Register the service in Keystone once:',
    '',
    '```sh',
    `openstack user create --domain Default --password-prompt ${svc}`,
    `openstack role add --project service --user ${svc} admin`,
    `openstack role add --project service --user ${svc} service`,
  );
  if (svc === 'cinder') {
    out.push(
      'openstack service create --name cinderv3 volumev3',
      `for i in public internal admin; do openstack endpoint create volumev3 $i 'http://cinder-api.${ns}.svc:${CINDER_API_PORT}/v3/%(project_id)s'; done`,
    );
  } else {
    out.push('openstack service create --name glance image', `for i in public internal admin; do openstack endpoint create image $i http://glance-api.${ns}.svc:${GLANCE_API_PORT}; done`);
  }
  out.push(
    '```',
    '',
    '## Apply',
    '',
    '```sh',
    `kubectl apply -k .            # or: kubectl -n ${ns} apply -f .`,
    `kubectl -n ${ns} wait --for=condition=complete job/${svc}-db-sync --timeout=10m`,
    '```',
    '',
    'The services restart until the database schema exists. Check the manifests with `dockyard lint .`.',
    '',
  );
  return out.join('\n');
}

function describe(r: ResolvedManifestOptions, path: string): string {
  const map: Record<string, string> = {
    'cinder-etc.yaml': 'ConfigMap `cinder-etc`: cinder.conf and the uWSGI settings',
    'cinder-db-sync.yaml': 'Job: `cinder-manage db sync`',
    'cinder-api.yaml': 'Deployment and Service `cinder-api` (port 8776)',
    'cinder-scheduler.yaml': 'Deployment `cinder-scheduler`',
    'cinder-volume.yaml': 'Deployment `cinder-volume`',
    'cinder-backup.yaml': r.backend === 'lvm' ? 'PersistentVolumeClaim and Deployment `cinder-backup`' : 'Deployment `cinder-backup`',
    'glance-etc.yaml': 'ConfigMap `glance-etc`: glance-api.conf and the uWSGI settings',
    'glance-db-sync.yaml': 'Job: `glance-manage db_sync`',
    'glance-api.yaml': r.backend === 'file' ? 'PersistentVolumeClaim `glance-images`, Deployment and Service `glance-api` (port 9292)' : 'Deployment and Service `glance-api` (port 9292)',
    'kustomization.yaml': 'the list for `kubectl apply -k`',
  };
  return map[path] ?? '';
}

export function scaffoldManifests(options: ManifestOptions): ScaffoldResult {
  const problems = validateManifestOptions(options);
  if (problems.length) throw new ScaffoldOptionsError(problems);
  const r = resolveManifestOptions(options);
  const files = r.service === 'cinder' ? cinderFiles(r) : glanceFiles(r);
  const all = [...files, { path: 'kustomization.yaml', content: kustomization(files) }];
  all.push({ path: 'README.md', content: readme(r, all) });
  return { files: all, main: `${r.service}-api.yaml` };
}

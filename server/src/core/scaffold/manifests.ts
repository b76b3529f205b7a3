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
import { t, type Lang } from '../messages/catalog';
import { ScaffoldOptionsError, type OptionProblem, type ScaffoldFile, type ScaffoldResult } from './types';
import { BACKENDS, checkBackend, checkNamespace, checkPinnedImage, checkReplicas, checkService } from './validate';

/**
 * `scaffoldManifests`: Kubernetes manifests for cinder (api, scheduler, volume, backup) or glance
 * (api), with their ConfigMap, a database-migration Job, Services, PVCs where a backend needs one,
 * a kustomization.yaml and a README. Least privilege: every container runs as loci's user 42424
 * with a read-only root filesystem, no capabilities, no privilege escalation, RuntimeDefault
 * seccomp, no service-account token and resource requests and limits; credentials come only from
 * Secrets the operator creates (README.md). Only cinder's LVM/iSCSI backend needs host access, and
 * each exception carries a `# dockyard-ignore rule: reason` comment. Pure and deterministic. The
 * README and every comment (suppression reasons included) come from the catalog in the requested
 * language (`scaffold.manifests.*`); the YAML and configuration lines are the same bytes in every language.
 */

/** A catalog text in the scaffold's language. */
type Say = (id: string, args?: Record<string, string | number>) => string;

/** The lines of a catalog text (texts of several lines keep their line breaks in the files). */
function lines(text: string): string[] {
  return text.split('\n');
}

const M = 'scaffold.manifests.';
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
  /** The catalog in the language of the README and the comments. */
  say: Say;
}

export function resolveManifestOptions(o: ManifestOptions, lang: Lang = 'en'): ResolvedManifestOptions {
  return {
    say: (id, args) => t(M + id, args, lang),
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

function secretEnv(service: ScaffoldService, which: ('db' | 'mq' | 'keystone')[], say: Say): EnvVar[] {
  const s = secretNames(service).credentials;
  const out: EnvVar[] = [];
  if (which.includes('db')) {
    out.push({
      name: 'OS_DATABASE__CONNECTION',
      secret: { name: s, key: 'database-connection' },
      comment: say('env.osloConfig'),
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

function cephVolume(service: ScaffoldService, user: string, say: Say): Volume {
  return {
    name: 'ceph',
    body: [
      'secret:',
      `  secretName: ${secretNames(service).ceph}`,
      `  # ${say('ceph.mode')}`,
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

function header(r: ResolvedManifestOptions, comment: string): string[] {
  const lines = comment.split('\n');
  return [...lines, r.say('generated', { service: r.service, backend: r.backend })];
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
    `# ${r.say('conf.keystonePassword', { secret: secretNames(r.service).credentials })}`,
    `memcached_servers = memcached.${ns}.svc:11211`,
    'service_token_roles_required = true',
  ];
}

function cinderConf(r: ResolvedManifestOptions): string {
  const s = secretNames('cinder');
  const lines = [
    '[DEFAULT]',
    `# ${r.say('conf.stderr')}`,
    'use_stderr = true',
    'state_path = /var/lib/cinder',
    `api_paste_config = ${VENV}/etc/cinder/api-paste.ini`,
    `resource_query_filters_file = ${VENV}/etc/cinder/resource_filters.json`,
    'auth_strategy = keystone',
    `enabled_backends = ${r.backend}`,
    `# ${r.say('conf.transportUrl', { secret: s.credentials })}`,
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
      `# ${r.say('conf.posixBackup')}`,
      'backup_driver = cinder.backup.drivers.posix.PosixBackupDriver',
      'backup_posix_path = /var/lib/cinder/backup',
      `# ${r.say('conf.rootwrap')}`,
      'rootwrap_config = /etc/cinder/rootwrap.conf',
    );
  }
  lines.push(
    '',
    '[database]',
    `# ${r.say('conf.dbConnection', { secret: s.credentials })}`,
    'max_retries = -1',
    '',
    ...keystoneSection(r, 'cinder'),
    '',
    '[oslo_messaging_notifications]',
    `# ${r.say('conf.notifications')}`,
    'driver = noop',
    '',
    '[oslo_messaging_rabbit]',
    `# ${r.say('conf.broker')}`,
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
      `# ${r.say('conf.rbdSecretUuid', { secret: s.ceph })}`,
      `# ${r.say('conf.backendHost')}`,
      'backend_host = rbd:volumes',
      'rbd_flatten_volume_from_snapshot = false',
      'report_discard_supported = true',
    );
  } else {
    lines.push(
      '[lvm]',
      'volume_driver = cinder.volume.drivers.lvm.LVMVolumeDriver',
      'volume_backend_name = lvm',
      `# ${r.say('conf.volumeGroup')}`,
      'volume_group = cinder-volumes',
      'target_helper = tgtadm',
      'target_protocol = iscsi',
      `# ${r.say('conf.targetIp')}`,
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

function rootwrapConf(say: Say): string {
  return [
    `# ${say('rootwrap')}`,
    '[DEFAULT]',
    `filters_path = ${VENV}/etc/cinder/rootwrap.d`,
    `exec_dirs = ${VENV}/bin,/sbin,/usr/sbin,/bin,/usr/bin`,
    'use_syslog = False',
  ].join('\n') + '\n';
}

function sudoers(say: Say): string {
  return [
    `# ${say('sudoers')}`,
    'Defaults !requiretty',
    `Defaults secure_path="${VENV}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"`,
    `cinder ALL = (root) NOPASSWD: ${VENV}/bin/cinder-rootwrap /etc/cinder/rootwrap.conf *`,
  ].join('\n') + '\n';
}

function lvmConf(say: Say): string {
  return [
    ...lines(say('lvmConf')).map((l) => `# ${l}`),
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
    files.push(['rootwrap.conf', rootwrapConf(r.say)], ['sudoers', sudoers(r.say)], ['lvm.conf', lvmConf(r.say)], ['tgt-cinder.conf', 'include /var/lib/cinder/volumes/*\n']);
  }
  return configMapLines(
    'cinder-etc',
    r.namespace,
    { app: 'cinder', component: 'config' },
    header(r, r.say('cinderEtc', { secret: secretNames('cinder').credentials })),
    files,
  );
}

const SUDO_MOUNTS: Mount[] = [
  { name: 'sudoers', mountPath: '/etc/sudoers.d', readOnly: true },
  { name: 'sudo-run', mountPath: '/run/sudo' },
];

function sudoVolumes(say: Say): Volume[] {
  return [
    {
      name: 'sudoers',
      body: ['configMap:', '  name: cinder-etc', `  # ${say('sudoersMode')}`, '  defaultMode: 288', '  items:', '    - key: sudoers', '      path: cinder-rootwrap'],
    },
    { name: 'sudo-run', body: ['emptyDir: {}'] },
  ];
}

function hostDev(reason: string): Volume {
  return { name: 'host-dev', host: { path: '/dev', type: 'Directory', suppress: { rules: ['host-path-volume', 'sensitive-host-path'], reason } } };
}

const ISCSI_PRIVILEGE = (say: Say, what: string): PrivilegedNeeds => ({
  privileged: say('priv.iscsi', { what }),
  escalation: say('priv.escalationSudo'),
  capabilitiesNote: say('k8s.capabilitiesNote'),
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
      comment: header(r, r.say('volume.ceph')),
      replicasComment: r.say('volume.oneReplicaCeph'),
      replicas: 1,
      recreate: r.say('volume.recreateCeph'),
      pod: {
        containers: [
          {
            name: 'cinder-volume',
            image: r.image,
            command: [`${VENV}/bin/cinder-volume`, '--config-file', '/etc/cinder/cinder.conf'],
            env: [...secretEnv('cinder', ['db', 'mq'], r.say), { name: 'OS_CEPH__RBD_SECRET_UUID', secret: { name: s.ceph, key: 'rbd-secret-uuid' } }],
            resources: R_MEDIUM,
            mounts: [{ name: 'cinder-etc', mountPath: '/etc/cinder', readOnly: true }, CEPH_MOUNT, ...EMPTY_MOUNTS('cinder')],
          },
        ],
        volumes: [etcVolume('cinder', ['cinder.conf']), cephVolume('cinder', 'cinder', r.say), ...EMPTY_DIRS('cinder')],
      },
    };
  }
  return {
    kind: 'Deployment',
    name: 'cinder-volume',
    namespace: r.namespace,
    labels,
    comment: header(r, r.say('volume.lvm', { label: LVM_NODE_LABEL })),
    replicasComment: r.say('volume.oneReplicaLvm'),
    replicas: 1,
    recreate: r.say('volume.recreateLvm'),
    pod: {
      nodeSelector: { [LVM_NODE_LABEL]: 'enabled' },
      hostNetwork: {
        reason: r.say('volume.hostNetwork'),
        dnsNote: r.say('k8s.dnsNote'),
      },
      containers: [
        {
          name: 'cinder-volume',
          image: r.image,
          command: [`${VENV}/bin/cinder-volume`, '--config-file', '/etc/cinder/cinder.conf'],
          env: [...secretEnv('cinder', ['db', 'mq'], r.say), { name: 'OS_LVM__TARGET_IP_ADDRESS', fieldPath: 'status.hostIP' }],
          resources: R_MEDIUM,
          privileged: ISCSI_PRIVILEGE(r.say, r.say('priv.what.volume')),
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
              suppress: { rules: ['writable-host-mount'], reason: r.say('volume.devMount') },
            },
            {
              name: 'host-lvm-lock',
              mountPath: '/run/lock/lvm',
              suppress: { rules: ['writable-host-mount'], reason: r.say('volume.lockMount') },
            },
            {
              name: 'host-iscsi',
              mountPath: '/etc/iscsi',
              suppress: { rules: ['writable-host-mount'], reason: r.say('iscsiMount') },
            },
            { name: 'host-modules', mountPath: '/lib/modules', readOnly: true },
          ],
        },
        {
          comment: [r.say('tgtd.comment')],
          name: 'tgtd',
          image: r.image,
          command: ['/usr/sbin/tgtd', '--foreground'],
          resources: R_SMALL,
          privileged: {
            privileged: r.say('tgtd.privileged'),
            escalation: r.say('priv.escalationApi'),
            root: {
              nonRoot: r.say('tgtd.nonRoot'),
              user: r.say('tgtd.user'),
            },
            capabilitiesNote: r.say('k8s.capabilitiesNote'),
          },
          mounts: [
            { name: 'tgtd-run', mountPath: '/run/tgtd' },
            { name: 'host-dev', mountPath: '/dev', suppress: { rules: ['writable-host-mount'], reason: r.say('tgtd.devMount') } },
          ],
        },
      ],
      volumes: [
        etcVolume('cinder', ['cinder.conf', 'rootwrap.conf']),
        { name: 'lvm-conf', body: ['configMap:', '  name: cinder-etc', '  items:', '    - key: lvm.conf', '      path: lvm.conf'] },
        { name: 'tgt-conf', body: ['configMap:', '  name: cinder-etc', '  items:', '    - key: tgt-cinder.conf', '      path: tgt-cinder.conf'] },
        ...sudoVolumes(r.say),
        ...EMPTY_DIRS('cinder'),
        { name: 'tgtd-run', body: ['emptyDir: {}'] },
        hostDev(r.say('volume.hostDev')),
        {
          name: 'host-lvm-lock',
          host: {
            path: '/run/lock/lvm',
            type: 'DirectoryOrCreate',
            suppress: { rules: ['host-path-volume'], reason: r.say('volume.lockVolume') },
          },
        },
        {
          name: 'host-iscsi',
          host: {
            path: '/etc/iscsi',
            type: 'Directory',
            suppress: {
              rules: ['host-path-volume', 'sensitive-host-path'],
              reason: r.say('volume.iscsiVolume'),
            },
          },
        },
        {
          name: 'host-modules',
          host: {
            path: '/lib/modules',
            type: 'Directory',
            suppress: { rules: ['host-path-volume', 'sensitive-host-path'], reason: r.say('volume.modules') },
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
        comment: header(r, r.say('backup.ceph')),
        replicas: r.replicas,
        pod: {
          containers: [
            {
              name: 'cinder-backup',
              image: r.image,
              command,
              env: secretEnv('cinder', ['db', 'mq'], r.say),
              resources: R_MEDIUM,
              mounts: [{ name: 'cinder-etc', mountPath: '/etc/cinder', readOnly: true }, CEPH_MOUNT, ...EMPTY_MOUNTS('cinder')],
            },
          ],
          volumes: [etcVolume('cinder', ['cinder.conf']), cephVolume('cinder', 'cinder', r.say), ...EMPTY_DIRS('cinder')],
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
      comment: header(r, r.say('backup.lvm')),
      replicas: r.replicas,
      recreate: access === 'ReadWriteOnce' ? r.say('backup.recreate') : undefined,
      pod: {
        nodeSelector: { [LVM_NODE_LABEL]: 'enabled' },
        hostNetwork: { reason: r.say('backup.hostNetwork'), dnsNote: r.say('k8s.dnsNote') },
        containers: [
          {
            name: 'cinder-backup',
            image: r.image,
            command,
            env: secretEnv('cinder', ['db', 'mq'], r.say),
            resources: R_MEDIUM,
            privileged: ISCSI_PRIVILEGE(r.say, r.say('priv.what.backup')),
            mounts: [
              { name: 'cinder-etc', mountPath: '/etc/cinder', readOnly: true },
              ...SUDO_MOUNTS,
              ...EMPTY_MOUNTS('cinder'),
              { name: 'backups', mountPath: '/var/lib/cinder/backup' },
              { name: 'host-dev', mountPath: '/dev', suppress: { rules: ['writable-host-mount'], reason: r.say('backup.devMount') } },
              {
                name: 'host-iscsi',
                mountPath: '/etc/iscsi',
                suppress: { rules: ['writable-host-mount'], reason: r.say('iscsiMount') },
              },
            ],
          },
        ],
        volumes: [
          etcVolume('cinder', ['cinder.conf', 'rootwrap.conf']),
          ...sudoVolumes(r.say),
          ...EMPTY_DIRS('cinder'),
          { name: 'backups', body: ['persistentVolumeClaim:', '  claimName: cinder-backup'] },
          hostDev(r.say('backup.hostDev')),
          {
            name: 'host-iscsi',
            host: {
              path: '/etc/iscsi',
              type: 'Directory',
              suppress: { rules: ['host-path-volume', 'sensitive-host-path'], reason: r.say('backup.iscsiVolume') },
            },
          },
        ],
      },
    },
    pvc: pvcLines('cinder-backup', r.namespace, labels, '100Gi', access, [r.say('backup.pvc'), r.say(access === 'ReadWriteOnce' ? 'backup.pvcRwo' : 'backup.pvcRwx')]),
  };
}

function dbSync(r: ResolvedManifestOptions, command: string[], mounts: Mount[], volumes: Volume[]): Workload {
  return {
    kind: 'Job',
    name: `${r.service}-db-sync`,
    namespace: r.namespace,
    labels: { app: r.service, component: 'db-sync' },
    comment: header(r, r.say('dbSync', { service: r.service })),
    ttlComment: r.say('k8s.ttlNote'),
    pod: {
      restartPolicy: 'OnFailure',
      containers: [{ name: `${r.service}-db-sync`, image: r.image, command, env: secretEnv(r.service, ['db'], r.say), resources: R_MEDIUM, mounts }],
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
    comment: header(r, r.say('cinderApi', { port: CINDER_API_PORT })),
    replicas: r.replicas,
    pod: {
      containers: [
        {
          name: 'cinder-api',
          image: r.image,
          command: [`${VENV}/bin/uwsgi`, '--ini', '/etc/cinder/cinder-api-uwsgi.ini'],
          env: secretEnv('cinder', ['db', 'mq', 'keystone'], r.say),
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
    comment: header(r, r.say('cinderScheduler')),
    replicas: r.replicas,
    pod: {
      containers: [
        {
          name: 'cinder-scheduler',
          image: r.image,
          command: [`${VENV}/bin/cinder-scheduler`, '--config-file', '/etc/cinder/cinder.conf'],
          env: secretEnv('cinder', ['db', 'mq'], r.say),
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
    `# ${r.say('conf.stderr')}`,
    'use_stderr = true',
    `# ${r.say('conf.staging')}`,
    'node_staging_uri = file:///var/lib/glance/staging',
  ];
  if (r.backend === 'ceph') lines.push(`# ${r.say('conf.directUrl')}`, 'show_image_direct_url = true');
  lines.push(
    '',
    '[database]',
    `# ${r.say('conf.dbConnection', { secret: s.credentials })}`,
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
    lines.push('stores = file,http', 'default_store = file', `# ${r.say('conf.fileStore')}`, 'filesystem_store_datadir = /var/lib/glance/images/');
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
    volumes.splice(1, 0, cephVolume('glance', 'glance', r.say));
  }
  const api: Workload = {
    kind: 'Deployment',
    name: 'glance-api',
    namespace: r.namespace,
    labels: labels('api'),
    comment: header(r, r.say(file ? 'glanceApi.file' : 'glanceApi.ceph', { port: GLANCE_API_PORT })),
    replicas: r.replicas,
    recreate: file && access === 'ReadWriteOnce' ? r.say('glanceApi.recreate') : undefined,
    pod: {
      containers: [
        {
          name: 'glance-api',
          image: r.image,
          command: [`${VENV}/bin/uwsgi`, '--ini', '/etc/glance/glance-api-uwsgi.ini'],
          env: secretEnv('glance', ['db', 'keystone'], r.say),
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
    header(r, r.say('glanceEtc', { secret: secretNames('glance').credentials })),
    [
      ['glance-api.conf', glanceConf(r)],
      [
        'glance-api-uwsgi.ini',
        uwsgiIni('glance', GLANCE_API_PORT, 'glance-wsgi-api', [`# ${r.say('uwsgiChunked')}`, 'http-auto-chunked = true', 'http-chunked-input = true', 'http-raw-body = true', 'socket-timeout = 10']),
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
      pvcLines('glance-images', r.namespace, labels('api'), '100Gi', access, [r.say('glanceImages.pvc'), r.say(access === 'ReadWriteOnce' ? 'glanceImages.pvcRwo' : 'glanceImages.pvcRwx')]),
    );
  }
  return [
    { path: 'glance-etc.yaml', content: documents([etc]) },
    { path: 'glance-db-sync.yaml', content: documents([workloadLines(job)]) },
    { path: 'glance-api.yaml', content: documents(apiDocs) },
  ];
}

// ----------------------------------------------------------------------------------------------

function kustomization(files: ScaffoldFile[], say: Say): string {
  return [`# kubectl apply -k .   ${say('kustomization')}`, 'resources:', ...files.map((f) => `  - ${f.path}`)].join('\n') + '\n';
}

function readme(r: ResolvedManifestOptions, files: ScaffoldFile[]): string {
  const s = secretNames(r.service);
  const ns = r.namespace;
  const svc = r.service;
  const say = r.say;
  const out: string[] = [
    say('readme.title', { service: svc, backend: r.backend }),
    '',
    ...lines(say('readme.intro', { service: svc, backend: r.backend, namespace: ns, image: r.image })),
    '',
    say('readme.tableHead'),
    '|---|---|',
    ...files.map((f) => `| \`${f.path}\` | ${describe(r, f.path)} |`),
    '',
    say('readme.before'),
    '',
    ...lines(say(svc === 'cinder' ? 'readme.expects.cinder' : 'readme.expects.glance', { service: svc, namespace: ns })),
    '',
    ...lines(say('readme.credentials')),
    '',
    say('readme.dbConnectionItem', { service: svc, namespace: ns }),
    ...(svc === 'cinder' ? [say('readme.transportItem', { namespace: ns })] : []),
    say('readme.keystoneItem', { service: svc }),
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
      say('readme.ceph', { user }),
      '',
      '```sh',
      svc === 'cinder'
        ? `ceph auth get-or-create client.cinder mon 'profile rbd' osd 'profile rbd pool=volumes, profile rbd pool=backups, profile rbd-read-only pool=images' > cinder.keyring`
        : `ceph auth get-or-create client.glance mon 'profile rbd' osd 'profile rbd pool=images' > glance.keyring`,
      `kubectl -n ${ns} create secret generic ${s.ceph} \\`,
      `  --from-file=ceph.conf=/etc/ceph/ceph.conf \\`,
      svc === 'cinder' ? `  --from-file=keyring=./cinder.keyring \\` : `  --from-file=keyring=./glance.keyring`,
    );
    if (svc === 'cinder') out.push(`  --from-literal=rbd-secret-uuid=UUID   # ${say('readme.rbdUuid')}`);
    out.push('```', '');
    if (svc === 'cinder') out.push(...lines(say('readme.cephNoPrivileged')), '');
  } else if (r.backend === 'lvm') {
    out.push(
      ...lines(say('readme.lvm')),
      '',
      '```sh',
      'vgcreate cinder-volumes /dev/sdX',
      `kubectl label node NODE ${LVM_NODE_LABEL}=enabled`,
      '```',
      '',
      ...lines(say('readme.lvmPrivileged')),
      '',
    );
  } else {
    out.push(say('readme.fileBackend'), '');
  }
  out.push(
    say('readme.keystone'),
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
    say('readme.apply'),
    '',
    '```sh',
    `kubectl apply -k .            # ${say('readme.applyOr', { namespace: ns })}`,
    `kubectl -n ${ns} wait --for=condition=complete job/${svc}-db-sync --timeout=10m`,
    '```',
    '',
    say('readme.restart'),
    '',
  );
  return out.join('\n');
}

/** The README's line for a generated file (`describe.<file>`, a variant per backend where it differs). */
function describe(r: ResolvedManifestOptions, path: string): string {
  const base = path.replace(/\.yaml$/, '');
  const variant = (base === 'cinder-backup' && r.backend === 'lvm') || (base === 'glance-api' && r.backend === 'file') ? `${base}.${r.backend}` : base;
  return r.say(`describe.${variant}`);
}

export function scaffoldManifests(options: ManifestOptions, lang: Lang = 'en'): ScaffoldResult {
  const problems = validateManifestOptions(options);
  if (problems.length) throw new ScaffoldOptionsError(problems);
  const r = resolveManifestOptions(options, lang);
  const files = r.service === 'cinder' ? cinderFiles(r) : glanceFiles(r);
  const all = [...files, { path: 'kustomization.yaml', content: kustomization(files, r.say) }];
  all.push({ path: 'README.md', content: readme(r, all) });
  return { files: all, main: `${r.service}-api.yaml` };
}

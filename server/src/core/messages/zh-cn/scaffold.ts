/** 脚手架（scaffold）的简体中文文本。 */
export const scaffold: Record<string, string> = {
  // 选项检查（生成器、CLI、编辑器命令）
  'scaffold.option.unknownService': '未知服务“{value}”（应为 cinder 或 glance）',
  'scaffold.option.badRelease': '版本“{value}”既不是 master，也不是 2025.2 这样的发布名称',
  'scaffold.option.badCodename': 'Ubuntu 代号“{value}”不在 loci 支持的范围内（{allowed}）',
  'scaffold.option.badRegistry': '镜像仓库“{value}”不符合 HOST[:PORT][/NAMESPACE]（镜像路径各段须为小写）',
  'scaffold.option.badImage': '镜像“{value}”不是有效的镜像引用',
  'scaffold.option.unpinnedImage': '镜像“{value}”没有标签或使用 latest；请给出固定的标签或摘要',
  'scaffold.option.baseCodename': '基础镜像“{value}”看起来是 Ubuntu {found}，但代号是 {codename}',
  'scaffold.option.badNamespace': '命名空间“{value}”不是有效的 Kubernetes 命名空间名称（小写字母、数字和 "-"，最多 63 个字符）',
  'scaffold.option.badReplicas': '副本数“{value}”必须是 1 到 {max} 之间的整数',
  'scaffold.option.badBackend': '后端“{value}”不适用于 {service}（可用：{allowed}）',
  'scaffold.option.badPath': 'loci 路径“{value}”中不能含有引号、"$"、"`"、"\\"、"#" 或换行',
  'scaffold.option.profileUnmatchable': 'profile“{value}”永远无法匹配：PROFILES 是以空格分隔的记号，只能包含小写字母、数字、":"、"." 和 "-"',
  'scaffold.option.profileUnknown': 'profile“{value}”未在 loci 的 bindep.txt 或 pydep.txt 中定义',
  'scaffold.option.profileUnknownSuggest': 'profile“{value}”未在 loci 的 bindep.txt 或 pydep.txt 中定义；是否想用“{suggestion}”？',
  'scaffold.option.profileNoEffect': 'profile“{value}”不会为 {service} 添加任何内容（有效的 profile：{profiles}）',
  // dockyard scaffold（CLI）
  'scaffold.cli.help':
    '用法：\n' +
    '  dockyard scaffold image <cinder|glance> [--out DIR] [--release 2025.2] [--codename noble|jammy]\n' +
    '        [--profiles "fluent ceph qemu"] [--registry HOST/NS] [--base IMAGE] [--loci-path DIR] [--force]\n' +
    '      loci 构建：docker-compose.build.yaml、build-<service>.sh、站点 Dockerfile 和 README。\n' +
    '      默认值：最新发布版本、noble、对该服务有用的 profile、quay.io/airshipit、\n' +
    '      基础镜像 ubuntu:<codename>、loci 检出目录 ./loci、文件夹 <service>-image。\n' +
    '  dockyard scaffold manifests <cinder|glance> [--out DIR] [--namespace openstack] [--image IMAGE]\n' +
    '        [--backend ceph|lvm|file] [--replicas N] [--force]\n' +
    '      能通过 dockyard lint 的 Kubernetes 清单（cinder：api、scheduler、volume、backup；glance：api）。\n' +
    '      默认值：后端 ceph、命名空间 openstack、镜像脚手架构建的镜像、1 个副本、\n' +
    '      文件夹 <service>-manifests。\n\n' +
    '没有 --force 时绝不覆盖已有文件（此时不写入任何文件）。\n' +
    '--lang zh-cn 生成中文的 README 和注释；YAML 和脚本内容与英文版相同。',
  'scaffold.cli.error': 'dockyard scaffold：{detail}',
  'scaffold.cli.usageHint': '运行 "dockyard scaffold --help" 查看选项。',
  'scaffold.cli.missingKind': '请指定要生成的内容：image 或 manifests',
  'scaffold.cli.unknownKind': '未知的脚手架“{value}”（应为 image 或 manifests）',
  'scaffold.cli.missingService': '请指定为哪个服务生成 {kind}：cinder 或 glance',
  'scaffold.cli.extraArgument': '多余的参数“{value}”',
  'scaffold.cli.unknownOption': 'scaffold {kind} 没有选项 {option}',
  'scaffold.cli.missingValue': '选项 {option} 需要一个值',
  'scaffold.cli.noValue': '选项 {option} 不接受值',
  'scaffold.cli.repeatedOption': '选项 {option} 重复给出',
  'scaffold.cli.exists': '{path} 已存在',
  'scaffold.cli.existsHint': '未写入任何文件；加上 --force 重新运行以覆盖（{count} 个文件）。',
  'scaffold.cli.writeFailed': '无法写入 {path}：{reason}',
  'scaffold.cli.wrote': '已写入 {path}',
  'scaffold.cli.nextImage': '{dir} 中有 {count} 个文件。下一步：在旁边克隆 loci，然后运行 bash {script}（见 README.md）。',
  'scaffold.cli.nextManifests': '{dir} 中有 {count} 个文件。下一步：按 README.md 创建 Secret，然后执行 kubectl apply -k {dir}。',
  // 编辑器命令和代码操作
  'scaffold.ui.imageTitle': 'Dockyard：生成 loci 镜像构建',
  'scaffold.ui.manifestsTitle': 'Dockyard：生成 Kubernetes 清单',
  'scaffold.ui.pickService': '哪个 OpenStack 服务？',
  'scaffold.ui.service.cinder': '块存储：api、scheduler、volume、backup',
  'scaffold.ui.service.glance': '镜像服务：api',
  'scaffold.ui.pickRelease': 'OpenStack 发布版本（PROJECT_REF stable/<release>，或 master）',
  'scaffold.ui.newest': '最新',
  'scaffold.ui.development': '开发分支',
  'scaffold.ui.pickCodename': '镜像使用的 Ubuntu 版本',
  'scaffold.ui.codename.noble': 'Ubuntu 24.04（loci CI 构建所用）',
  'scaffold.ui.codename.jammy': 'Ubuntu 22.04',
  'scaffold.ui.registryPrompt': '镜像标签所用的仓库和命名空间（HOST[:PORT][/NAMESPACE]）',
  'scaffold.ui.pickProfiles': '{service} 的 PROFILES：只列出会为它添加软件包的 profile',
  'scaffold.ui.lociPathPrompt': 'loci 检出目录（构建上下文）的路径，相对于目标文件夹或绝对路径',
  'scaffold.ui.pickBackend': '{service} 的存储后端',
  'scaffold.ui.backend.ceph': 'Ceph RBD：没有任何组件以特权模式运行',
  'scaffold.ui.backend.lvm': '在打了标签的节点上使用 LVM + iSCSI：cinder-volume 和 cinder-backup 以特权模式运行',
  'scaffold.ui.backend.file': 'PersistentVolumeClaim 上的文件',
  'scaffold.ui.namespacePrompt': 'Kubernetes 命名空间',
  'scaffold.ui.imagePrompt': '服务镜像，固定到标签或摘要',
  'scaffold.ui.replicasPrompt': 'API（以及 scheduler/backup）的副本数',
  'scaffold.ui.pickFolder': '文件写到哪里',
  'scaffold.ui.browse': '选择文件夹…',
  'scaffold.ui.openLabel': '在此生成',
  'scaffold.ui.overwriteQuestion': '其中 {count} 个文件已存在于 {folder}。是否覆盖？',
  'scaffold.ui.overwrite': '覆盖',
  'scaffold.ui.written': '已向 {folder} 写入 {count} 个文件。',
  'scaffold.ui.failed': '生成失败：{reason}',
  'scaffold.action.image': '在此生成 {service} 的 loci 构建',
  'scaffold.action.manifests': '在此生成 {what} 清单',
};

import { i18next } from '../../platform/i18n';

/** 实时监控 strings, merged into the app's translations under `monitor.*` (loaded with the module's door: the nav uses the title). */
const zhCN = {
  monitor: {
    title: '实时监控',
    autoAssign: '自动分配',
    grabMode: '抢单模式（自动分配已关闭）',
    refresh: '刷新',
    updatedAt: '更新于 {{time}}',
    groups: {
      waiting: '等待',
      longest: '最长等待',
      online: '在线 {{count}} 人',
      freeSlots: '空位 {{count}}',
      none: '—',
    },
    waiting: {
      title: '等待中的买家',
      count: '{{count}} 位',
      empty: '没有等待回复的买家',
      buyer: '买家',
      group: '分组',
      where: '排队 / 接待',
      queued: '排队第 {{position}} 位',
      queuedNoPlace: '排队中',
      servedBy: '接待：{{name}}',
      wait: '等待',
      actions: '操作',
      alert: '告警',
      alertTitle: '等待超过 {{seconds}} 秒，已通知主管',
      redTitle: '等待超过 {{seconds}} 秒，已提醒接待客服',
    },
    agents: {
      title: '客服状态',
      name: '客服',
      role: '角色',
      status: '状态',
      load: '接待 / 上限',
      oldest: '最久未回复',
      none: '—',
      empty: '还没有客服',
    },
    chart: { title: '接待量与上限', load: '接待中', capacity: '上限' },
    actions: {
      takeOver: '接管',
      reassign: '改派',
      takenOver: '已接管买家 {{nick}}',
    },
    reassign: {
      title: '改派买家 {{nick}}',
      ok: '改派',
    },
  },
};

const en: typeof zhCN = {
  monitor: {
    title: 'Monitor',
    autoAssign: 'Auto-assign',
    grabMode: 'Pick-up mode (auto-assign is off)',
    refresh: 'Refresh',
    updatedAt: 'Updated {{time}}',
    groups: {
      waiting: 'Waiting',
      longest: 'Longest wait',
      online: '{{count}} online',
      freeSlots: '{{count}} free slots',
      none: '—',
    },
    waiting: {
      title: 'Waiting buyers',
      count: '{{count}}',
      empty: 'No buyer is waiting for an answer',
      buyer: 'Buyer',
      group: 'Group',
      where: 'Queue / agent',
      queued: 'No. {{position}} in queue',
      queuedNoPlace: 'Queued',
      servedBy: 'With {{name}}',
      wait: 'Waiting',
      actions: 'Actions',
      alert: 'Alert',
      alertTitle: 'Waiting over {{seconds}} s: the managers were alerted',
      redTitle: 'Waiting over {{seconds}} s: the agent was nudged',
    },
    agents: {
      title: 'Agents',
      name: 'Agent',
      role: 'Role',
      status: 'Status',
      load: 'Load / capacity',
      oldest: 'Oldest unanswered',
      none: '—',
      empty: 'No agents yet',
    },
    chart: { title: 'Load and capacity', load: 'Serving', capacity: 'Capacity' },
    actions: {
      takeOver: 'Take over',
      reassign: 'Reassign',
      takenOver: 'You took over {{nick}}',
    },
    reassign: {
      title: 'Reassign {{nick}}',
      ok: 'Reassign',
    },
  },
};

// Deep-merged, so the shared locale files stay untouched by this module.
i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);

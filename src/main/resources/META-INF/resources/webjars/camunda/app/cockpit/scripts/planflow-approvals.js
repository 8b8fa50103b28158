// Planflow: "รออนุมัติ" (waiting for approval) in Cockpit, on the dashboard and on each process instance.
// Cockpit cannot complete tasks itself; this lists the approvals waiting for the logged-in user's groups
// from Planflow's /api/approvals and approves or returns them there, which completes the same task as
// Tasklist's form (same listeners, same audit), as the logged-in user.
// A plain ES module for Cockpit 7.24's plugin API, registered in config.js `customScripts`; no build step.
// Text goes into the page with textContent only, never as HTML.

const LABEL = 'รออนุมัติ';
// the most approvals /api/approvals lists at once (Approvals.MAX_LISTED)
const MAX_LISTED = 200;

// Planflow's API beside the webapps: the app root is "<context>/camunda", the API "<context>/api".
function apiBase() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/[^/]*\/?$/, '') + '/api/approvals';
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

async function call(api, url, options) {
  const headers = {Accept: 'application/json'};
  if (options && options.body) {
    headers['Content-Type'] = 'application/json';
  }
  if (api && api.CSRFToken) {
    // Planflow's /api needs no CSRF token (SameSite session cookie); sending Cockpit's does no harm
    headers['X-XSRF-TOKEN'] = api.CSRFToken;
  }
  let response;
  try {
    response = await fetch(url, Object.assign({credentials: 'same-origin', headers}, options));
  } catch (e) {
    throw new Error('ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    if (response.status === 401) {
      throw new Error('หมดเวลาการเข้าสู่ระบบ กรุณาเข้าสู่ระบบใหม่');
    }
    throw new Error((body && body.message) || 'เกิดข้อผิดพลาด (HTTP ' + response.status + ') กรุณาลองใหม่');
  }
  return body;
}

function cell(row, ...lines) {
  const td = element('td');
  lines.filter((line) => line).forEach((line) => td.appendChild(line));
  row.appendChild(td);
  return td;
}

function line(text, className) {
  return text ? element('div', className, text) : null;
}

function renderApprovals(root, api, processInstanceId, onDashboard) {
  let gone = false;
  const status = element('div', 'planflow-approvals-status');
  status.setAttribute('role', 'status');
  const list = element('div', 'planflow-approvals-list');
  if (onDashboard) {
    root.appendChild(element('h3', 'planflow-approvals-title', LABEL));
  }
  root.appendChild(status);
  root.appendChild(list);

  function say(text, kind) {
    status.textContent = '';
    if (text) {
      status.appendChild(element('div', 'alert alert-' + kind, text));
    }
  }

  async function decide(approval, action, comment, buttons) {
    buttons.forEach((button) => { button.disabled = true; });
    try {
      const outcome = await call(api, apiBase() + '/' + encodeURIComponent(approval.taskId) + '/' + action, {
        method: 'POST',
        body: JSON.stringify({comment: comment}),
      });
      await load();
      say(outcome.message + ': ' + approval.subject, 'success');
    } catch (e) {
      buttons.forEach((button) => { button.disabled = false; });
      say(e.message, 'danger');
    }
  }

  function row(approval) {
    const tr = element('tr', approval.overdue ? 'planflow-approval planflow-overdue' : 'planflow-approval');
    tr.setAttribute('data-task-id', approval.taskId);
    const subject = element('strong', null, approval.subject);
    cell(tr, subject, line(approval.taskName, 'text-muted'), line(approval.detail, 'planflow-approval-detail'));
    const process = element('a', null, approval.processName || '');
    process.href = '#/process-instance/' + encodeURIComponent(approval.rootProcessInstanceId) + '/runtime';
    cell(tr, process, line(approval.fiscalYear ? 'ปีงบประมาณ ' + approval.fiscalYear : null, 'text-muted'));
    cell(tr, line(approval.owner), line(approval.submittedBy && approval.submittedBy !== approval.owner
      ? 'ส่งโดย ' + approval.submittedBy : null, 'text-muted'));
    cell(tr, line(approval.submittedAt));
    cell(tr, line(approval.due || 'ไม่กำหนด'),
      approval.overdue ? element('span', 'label label-danger', 'เลยกำหนด') : null);
    const comment = element('textarea', 'form-control input-sm planflow-approval-comment');
    comment.rows = 2;
    comment.maxLength = 4000;
    comment.placeholder = 'เหตุผล / ความเห็น (จำเป็นเมื่อส่งกลับแก้ไข)';
    comment.setAttribute('aria-label', 'เหตุผลหรือความเห็นสำหรับ ' + approval.subject);
    const approve = element('button', 'btn btn-primary btn-sm planflow-approve', 'อนุมัติ');
    const sendBack = element('button', 'btn btn-default btn-sm planflow-return', 'ส่งกลับแก้ไข');
    approve.type = 'button';
    sendBack.type = 'button';
    const buttons = [approve, sendBack];
    approve.addEventListener('click', () => decide(approval, 'approve', comment.value.trim() || null, buttons));
    sendBack.addEventListener('click', () => decide(approval, 'return', comment.value, buttons));
    const actions = element('div', 'planflow-approval-actions');
    actions.appendChild(approve);
    actions.appendChild(document.createTextNode(' '));
    actions.appendChild(sendBack);
    cell(tr, comment, actions);
    return tr;
  }

  async function load() {
    const url = apiBase() + (processInstanceId ? '?processInstanceId=' + encodeURIComponent(processInstanceId) : '');
    let approvals;
    try {
      approvals = await call(api, url);
    } catch (e) {
      if (!gone) {
        say(e.message, 'danger');
      }
      return;
    }
    if (gone) {
      return;
    }
    list.textContent = '';
    if (!approvals.length) {
      list.appendChild(element('p', 'planflow-approvals-empty', processInstanceId
        ? 'ไม่มีงานรออนุมัติของท่านในกระบวนงานนี้' : 'ไม่มีงานรออนุมัติของท่าน'));
      return;
    }
    const table = element('table', 'table table-striped cam-table planflow-approvals-table');
    const head = element('tr');
    ['เรื่องที่เสนอ', 'กระบวนงาน', 'ผู้ส่ง', 'วันที่ส่ง', 'กำหนดพิจารณา', 'การพิจารณา']
      .forEach((title) => head.appendChild(element('th', null, title)));
    table.appendChild(element('thead')).appendChild(head);
    const body = table.appendChild(element('tbody'));
    approvals.forEach((approval) => body.appendChild(row(approval)));
    list.appendChild(table);
    if (approvals.length >= MAX_LISTED) {
      // the API lists the first ones by due date; the rest appear as these are decided
      list.appendChild(element('p', 'planflow-approvals-more',
        'แสดง ' + MAX_LISTED + ' รายการที่ครบกำหนดก่อน รายการที่เหลือจะแสดงเมื่อพิจารณารายการเหล่านี้แล้ว'));
    }
  }

  say('กำลังโหลดงานรออนุมัติ…', 'info');
  load().then(() => {
    if (!gone && status.textContent === 'กำลังโหลดงานรออนุมัติ…') {
      say(null);
    }
  });
  return () => { gone = true; };
}

function plugin(id, pluginPoint, priority, onDashboard) {
  const running = new Set();
  return {
    id: id,
    pluginPoint: pluginPoint,
    priority: priority,
    properties: {label: LABEL},
    render: (node, {api, processInstanceId}) => {
      const root = element('div', 'planflow-approvals');
      node.appendChild(root);
      running.add(renderApprovals(root, api, processInstanceId, onDashboard));
    },
    // a late answer must not write into a view Cockpit has left
    unmount: () => {
      running.forEach((stop) => stop());
      running.clear();
    },
  };
}

export default [
  plugin('planflow-approvals-dashboard', 'cockpit.dashboard', 100, true),
  plugin('planflow-approvals-process-instance', 'cockpit.processInstance.runtime.tab', 100, false),
];

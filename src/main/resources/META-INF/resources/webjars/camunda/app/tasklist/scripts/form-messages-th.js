// Planflow: Thai validation messages for Camunda Forms in Tasklist.
//
// Tasklist 7.24 renders Camunda Forms with form-js, whose client-side checks
// ("Field is required." ...) are hard-coded English strings with no
// translation hook, and Tasklist's locale files do not reach them. This module
// (listed in config.js `customScripts`) watches the page and rewrites those
// messages in Thai as form-js puts them under a field. form-js (Preact) only
// touches the text again when the message itself changes, and then the
// observer translates the new one. English users (?lang=en) keep the original.
var english = (function() {
  try {
    return window.localStorage.getItem('planflow-locale') === 'en';
  } catch (e) {
    return false;
  }
})();

var messages = [
  [/^Field is required\.$/, function() {
    return 'กรุณาระบุข้อมูลในช่องนี้';
  }],
  [/^Field must match pattern (.*)\.$/, function() {
    // the pattern itself means nothing to staff; the field's description gives the format and an example
    return 'ข้อมูลไม่ตรงตามรูปแบบที่กำหนด กรุณาดูตัวอย่างใต้ช่องนี้';
  }],
  [/^Field must have minimum value of (.*)\.$/, function(m) {
    return 'ค่าต้องไม่น้อยกว่า ' + m[1];
  }],
  [/^Field must have maximum value of (.*)\.$/, function(m) {
    return 'ค่าต้องไม่เกิน ' + m[1];
  }],
  [/^Field must have minimum length of (.*)\.$/, function(m) {
    return 'ต้องมีอย่างน้อย ' + m[1] + ' ตัวอักษร';
  }],
  [/^Field must have maximum length of (.*)\.$/, function(m) {
    return 'ต้องมีไม่เกิน ' + m[1] + ' ตัวอักษร';
  }],
  [/^Field must be a valid +international phone number\./, function() {
    return 'กรุณากรอกหมายเลขโทรศัพท์ในรูปแบบสากล เช่น +66812345678';
  }],
  [/^Field must be a valid email\.$/, function() {
    return 'กรุณากรอกอีเมลให้ถูกต้อง เช่น name@example.go.th';
  }]
];

function thai(text) {
  var trimmed = text.trim();
  for (var i = 0; i < messages.length; i++) {
    var match = messages[i][0].exec(trimmed);
    if (match) {
      return messages[i][1](match);
    }
  }
  return null;
}

// The engine's own English under a Thai notification heading (e.g. a task opened by its address that
// the user may not see, or that was completed meanwhile).
var notices = [
  [/^<task> <- No matching task with id \S+$/, function() {
    return 'ไม่พบงานนี้ อาจดำเนินการเสร็จไปแล้ว หรือท่านไม่มีสิทธิ์เปิดงานนี้';
  }]
];

function translateNotices(root) {
  var alerts = root.querySelectorAll ? root.querySelectorAll('.alert') : [];
  for (var i = 0; i < alerts.length; i++) {
    var walker = document.createTreeWalker(alerts[i], NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var trimmed = node.data.trim();
      for (var j = 0; j < notices.length; j++) {
        if (notices[j][0].test(trimmed)) {
          node.data = notices[j][1]();
        }
      }
    }
  }
}

function translateIn(root) {
  translateNotices(root);
  var errors = root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error') : [];
  for (var i = 0; i < errors.length; i++) {
    var walker = document.createTreeWalker(errors[i], NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var translated = thai(node.data);
      if (translated !== null) {
        node.data = translated;
      }
    }
  }
}

if (!english) {
  new MutationObserver(function() {
    translateIn(document.body);
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}

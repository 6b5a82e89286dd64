// Receipts uploaded straight to S3 (in AWS). A file input with data-direct-upload has no name, so its files never
// travel to the app: for each chosen file this script sends the app only its first and last bytes (and a small
// thumbnail the browser draws), overwrites the bytes the app names to remove where the photo was taken, uploads the
// file to S3 with the presigned POST the app answered, and adds the upload's id to the form. On a laptop the inputs
// have names and the files simply post with the form.
(function () {
  "use strict";

  var HEAD = 256 * 1024;
  var TAIL = 64 * 1024;
  var THUMBNAIL = 320;

  function antiforgery() {
    var meta = document.querySelector('meta[name="htmx-config"]');
    try {
      var settings = JSON.parse(meta.content).antiForgery;
      return settings ? settings : null;
    } catch (ignored) {
      return null;
    }
  }

  // A JPEG the browser draws from the photo, when it can decode it (Safari can draw HEIC; other browsers cannot).
  function thumbnail(file) {
    if (!window.createImageBitmap || !/^image\//.test(file.type)) {
      return Promise.resolve(null);
    }
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, THUMBNAIL / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", 0.8); });
    }).catch(function () { return null; });
  }

  // The file with the app's patches written over it; patches never change its length.
  function patched(file, patches) {
    var parts = [];
    var at = 0;
    patches.slice().sort(function (a, b) { return a.offset - b.offset; }).forEach(function (patch) {
      var text = atob(patch.bytes);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) {
        bytes[i] = text.charCodeAt(i);
      }
      parts.push(file.slice(at, patch.offset), bytes);
      at = patch.offset + bytes.length;
    });
    parts.push(file.slice(at));
    return new Blob(parts, { type: file.type });
  }

  function problemOf(response, fallback) {
    return response.json().then(function (problem) { return problem.detail || problem.title || fallback; }, function () { return fallback; });
  }

  function upload(input, file, list) {
    var form = new FormData();
    form.append("name", file.name);
    form.append("size", String(file.size));
    form.append("head", file.slice(0, HEAD), "head");
    form.append("tail", file.slice(Math.max(0, file.size - TAIL)), "tail");
    var token = antiforgery();
    return thumbnail(file).then(function (small) {
      if (small) {
        form.append("thumbnail", small, "thumbnail.jpg");
      }
      var headers = {};
      if (token) {
        headers[token.headerName] = token.requestToken;
      }
      return fetch(input.dataset.directUpload, { method: "POST", body: form, headers: headers, credentials: "same-origin" });
    }).then(function (answer) {
      if (!answer.ok) {
        return problemOf(answer, "“" + file.name + "” could not be checked (" + answer.status + ").").then(function (text) { throw new Error(text); });
      }
      return answer.json();
    }).then(function (prepared) {
      var direct = new FormData();
      Object.keys(prepared.fields).forEach(function (name) { direct.append(name, prepared.fields[name]); });
      direct.append("file", patched(file, prepared.patches), file.name);
      return fetch(prepared.url, { method: "POST", body: direct }).then(function (stored) {
        if (!stored.ok) {
          throw new Error("“" + file.name + "” could not be uploaded (" + stored.status + "); please try again.");
        }
        var item = document.createElement("li");
        item.textContent = file.name + " ";
        var note = document.createElement("span");
        note.className = "text-body-secondary";
        note.textContent = "(attached when you save)";
        var id = document.createElement("input");
        id.type = "hidden";
        id.name = "Attachments.Ids";
        id.value = prepared.id;
        item.append(note, id);
        list.appendChild(item);
      });
    });
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.dataset.directUpload) {
      return;
    }
    var field = input.closest("[data-receipt-field]");
    var list = field.querySelector("[data-receipt-pending]");
    var error = field.querySelector("[data-receipt-error]");
    var buttons = input.form ? input.form.querySelectorAll("button[type=submit]") : [];
    var files = Array.prototype.slice.call(input.files);
    input.value = "";
    error.textContent = "";
    error.classList.remove("d-block");
    field.setAttribute("aria-busy", "true");
    buttons.forEach(function (button) { button.disabled = true; });
    files.reduce(function (previous, file) {
      return previous.then(function () { return upload(input, file, list); });
    }, Promise.resolve()).catch(function (failure) {
      error.textContent = failure.message;
      error.classList.add("d-block");
    }).then(function () {
      field.removeAttribute("aria-busy");
      buttons.forEach(function (button) { button.disabled = false; });
    });
  });
})();

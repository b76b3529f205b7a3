;;; emacs-driver.el --- drives Emacs + eglot in batch mode for test/e2e/emacs.test.ts  -*- lexical-binding: t -*-
;; The LSP configuration is the init.el of docs/editors.md (loaded before this file). Opens a
;; manifest and a Dockerfile as a user would (find-file, then the command loop's post-command-hook
;; where eglot-ensure connects), collects Flymake's diagnostics, applies a code action chosen from
;; eglot's menu, runs the command of a code lens, and writes what it saw as JSON to $DOCKYARD_OUT.
(require 'json)
(require 'cl-lib)
(require 'subr-x)

(defvar dockyard-root default-directory "The workspace (the directory Emacs started in).")
(defvar dockyard-out (list (cons 'steps nil) (cons 'messages nil)))
(defun dockyard-put (key value) (setf (alist-get key dockyard-out) value) (dockyard-write))
(defun dockyard-write ()
  (with-temp-file (getenv "DOCKYARD_OUT")
    (insert (json-encode dockyard-out))))
(defun dockyard-step (name) (dockyard-put 'steps (append (alist-get 'steps dockyard-out) (list name))))

;; What the user reads from the server: window/showMessage lines.
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest args)
              (when (eq method 'window/showMessage)
                (dockyard-put 'messages (append (alist-get 'messages dockyard-out) (list (plist-get args :message)))))))

(defun dockyard-wait (what pred)
  (let ((end (+ (float-time) 60)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.05)
      (when (bound-and-true-p flymake-mode) (flymake-start nil t)))
    (unless (funcall pred) (error "timed out waiting for %s" what))))

(defun dockyard-open (file)
  (find-file (expand-file-name file dockyard-root))
  ;; eglot-ensure connects from post-command-hook, after the command that visited the file.
  (run-hooks 'post-command-hook)
  (dockyard-wait (format "eglot to manage %s" file) (lambda () (bound-and-true-p eglot--managed-mode))))

(defun dockyard-diagnostics ()
  "Flymake's diagnostics of the buffer as (code line col type text), from eglot's \"source [code]: message\"."
  (sort (mapcar (lambda (d)
                  (let ((text (flymake-diagnostic-text d)))
                    (list (cons 'code (and (string-match "\\[\\([^]]+\\)\\]" text) (match-string 1 text)))
                          (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                          (cons 'col (1+ (save-excursion (goto-char (flymake-diagnostic-beg d)) (current-column))))
                          (cons 'type (symbol-name (flymake-diagnostic-type d)))
                          (cons 'text text))))
                (flymake-diagnostics))
        (lambda (a b) (string< (format "%04d%s" (alist-get 'line a) (alist-get 'code a))
                               (format "%04d%s" (alist-get 'line b) (alist-get 'code b))))))

(defun dockyard-has (code) (cl-some (lambda (d) (equal (alist-get 'code d) code)) (dockyard-diagnostics)))

(defun dockyard-choose-action (title)
  "Run `eglot-code-actions' at point as M-x would, answering its menu with TITLE."
  (let ((last-nonmenu-event 0))
    (cl-letf (((symbol-function 'completing-read) (lambda (&rest _) title)))
      (eglot-code-actions (point) nil nil t))))

(condition-case err
    (progn
      ;; 1. the manifest
      (dockyard-open "deploy/pod.yaml")
      (dockyard-put 'podMode (symbol-name major-mode))
      ;; The settings (missing-resource-limits off) arrive through workspace/configuration.
      (dockyard-wait "pod diagnostics with the settings applied" (lambda () (and (dockyard-has "privileged-container") (not (dockyard-has "missing-resource-limits")))))
      (dockyard-put 'podDiagnostics (dockyard-diagnostics))
      (dockyard-step "pod-diagnostics")
      ;; 2. a code action from eglot's menu, on the privileged line; then save
      (goto-char (point-min)) (forward-line 10) (forward-char 8)
      (dockyard-choose-action "Set privileged to false")
      ;; eglot sends the change from an idle timer (none runs in batch mode) or before didSave.
      (save-buffer)
      (dockyard-wait "privileged-container to clear" (lambda () (not (dockyard-has "privileged-container"))))
      (dockyard-put 'podAfter (dockyard-diagnostics))
      (dockyard-step "code-action")
      ;; 3. the Dockerfile: diagnostics, a code lens's command run on the server
      (dockyard-open "Dockerfile")
      (dockyard-put 'dockerfileMode (symbol-name major-mode))
      (dockyard-wait "Dockerfile diagnostics" (lambda () (dockyard-has "consecutive-run")))
      (dockyard-put 'dockerfileDiagnostics (dockyard-diagnostics))
      (let* ((server (eglot-current-server))
             (lenses (jsonrpc-request server :textDocument/codeLens (list :textDocument (eglot--TextDocumentIdentifier))))
             (lens (aref lenses 0))
             (command (plist-get lens :command)))
        (dockyard-put 'lenses (mapcar (lambda (l) (list (cons 'line (1+ (plist-get (plist-get (plist-get l :range) :start) :line)))
                                                       (cons 'title (plist-get (plist-get l :command) :title))
                                                       (cons 'command (plist-get (plist-get l :command) :command))))
                                      lenses))
        (dockyard-put 'lensResult (plist-get (eglot-execute-command server (intern (plist-get command :command)) (plist-get command :arguments)) :rule)))
      (dockyard-wait "the lens command's message" (lambda () (alist-get 'messages dockyard-out)))
      (dockyard-step "code-lens")
      (dockyard-write)
      (kill-emacs 0))
  (error (dockyard-put 'error (error-message-string err))
         (let ((events (cl-find-if (lambda (b) (string-match-p "EGLOT.*events" (buffer-name b))) (buffer-list))))
           (when events (with-current-buffer events (dockyard-put 'events (buffer-substring-no-properties (max (point-min) (- (point-max) 6000)) (point-max))))))
         (kill-emacs 1)))

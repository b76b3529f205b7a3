-- Drives Neovim 0.7 headless the way a user would (test/e2e/neovim.test.ts): :edit a manifest, wait
-- for the diagnostics, choose a code action from the menu (vim.lsp.buf.code_action with vim.ui.select
-- answering), :write, :edit the Dockerfile, refresh and run a code lens (vim.lsp.codelens.run). Writes
-- what it saw as JSON to $DOCKYARD_OUT. The LSP configuration is the init.lua of docs/editors.md.
local out = { steps = {}, messages = {}, notes = {} }
local function write()
  local f = assert(io.open(os.getenv('DOCKYARD_OUT'), 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end
local function step(name) table.insert(out.steps, name); write() end

-- What a user would read: window/showMessage lines and vim.notify warnings.
local show = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(out.messages, result.message)
  return show(err, result, ctx, config)
end
local notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(out.notes, msg)
  return notify(msg, level, opts)
end
-- The menu: pick the entry whose title is `want` (code actions) or the first (lenses on one line).
local want
vim.ui.select = function(items, opts, on_choice)
  for i, item in ipairs(items) do
    local title = item[2] and item[2].title or (item.lens and item.lens.command.title)
    if want == nil or title == want then return on_choice(item, i) end
  end
  on_choice(nil, nil)
end

local function diagnostics(buf)
  local r = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(r, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), line = d.lnum + 1, col = d.col + 1, severity = d.severity, message = d.message })
  end
  table.sort(r, function(a, b) return a.line .. a.code < b.line .. b.code end)
  return r
end
local function has(buf, code)
  for _, d in ipairs(diagnostics(buf)) do if d.code == code then return true end end
  return false
end
local function wait(what, cond)
  if not vim.wait(30000, cond, 50) then
    out.error = 'timed out waiting for ' .. what
    write()
    vim.cmd('cquit 2')
  end
end

local ok, err = pcall(function()
  -- 1. the manifest
  vim.cmd('edit deploy/pod.yaml')
  local pod = vim.api.nvim_get_current_buf()
  out.podFiletype = vim.bo.filetype
  wait('pod diagnostics', function() return has(pod, 'privileged-container') end)
  vim.wait(500) -- let a second publish (after the settings push) arrive
  out.podDiagnostics = diagnostics(pod)
  step('pod-diagnostics')

  -- 2. a code action from the menu on the privileged line
  vim.api.nvim_win_set_cursor(0, { 11, 8 })
  want = 'Set privileged to false'
  vim.lsp.buf.code_action()
  wait('the fix', function() return vim.api.nvim_buf_get_lines(pod, 10, 11, false)[1] == '        privileged: false' end)
  wait('privileged-container to clear', function() return not has(pod, 'privileged-container') end)
  vim.cmd('write')
  out.podAfter = diagnostics(pod)
  step('code-action')

  -- 3. the Dockerfile, its lenses, and running one
  vim.cmd('edit Dockerfile')
  local df = vim.api.nvim_get_current_buf()
  out.dockerfileFiletype = vim.bo.filetype
  wait('Dockerfile diagnostics', function() return has(df, 'consecutive-run') end)
  out.dockerfileDiagnostics = diagnostics(df)
  vim.lsp.codelens.refresh()
  wait('code lenses', function() return #vim.lsp.codelens.get(df) > 0 end)
  out.lenses = {}
  for _, l in ipairs(vim.lsp.codelens.get(df)) do table.insert(out.lenses, { line = l.range.start.line + 1, title = l.command.title, command = l.command.command }) end
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  want = nil
  vim.lsp.codelens.run()
  wait('the lens command\'s message', function() return #out.messages > 0 end)
  step('code-lens')

  -- 4. the merge of the two RUNs, offered on the first RUN
  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  want = 'Merge the 2 RUN instructions into one'
  vim.lsp.buf.code_action()
  wait('the merge', function() return vim.api.nvim_buf_get_lines(df, 2, 3, false)[1] ~= 'RUN make' end)
  out.dockerfileAfter = vim.api.nvim_buf_get_lines(df, 0, -1, false)
  step('merge')
end)
if not ok then out.error = tostring(err) end
write()
vim.cmd(ok and 'qall!' or 'cquit 1')

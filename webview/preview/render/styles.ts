// The phone's look, close to WhatsApp's Flow screens, as one stylesheet: inlined into the CLI's
// standalone pages and injected into the VS Code panel. Light by default; dark under
// `.fd-theme-dark`, VS Code's dark themes, or (standalone pages) the system's dark mode; VS Code's
// high contrast themes take their colours from the theme.
const palette = {
  light: `color-scheme:light;--fd-bg:#ffffff;--fd-fg:#111b21;--fd-muted:#667781;--fd-line:#d1d7db;--fd-field:#8696a0;--fd-accent:#008069;--fd-accent-fg:#ffffff;--fd-chip:#f0f2f5;--fd-chip-on:#d9fdd3;--fd-error:#d32f2f;--fd-bar:#ffffff;--fd-bezel:#1f2c34;--fd-issue:#e51400;--fd-issue-bg:rgba(229,20,0,.08);`,
  dark: `color-scheme:dark;--fd-bg:#0b141a;--fd-fg:#e9edef;--fd-muted:#8696a0;--fd-line:#2a3942;--fd-field:#8696a0;--fd-accent:#00a884;--fd-accent-fg:#0b141a;--fd-chip:#202c33;--fd-chip-on:#005c4b;--fd-error:#f15c6d;--fd-bar:#1f2c34;--fd-bezel:#000000;--fd-issue:#f48771;--fd-issue-bg:rgba(244,135,113,.12);`,
};

export const PHONE_CSS = `
.fd-phone{${palette.light}box-sizing:border-box;width:360px;height:740px;display:flex;flex-direction:column;background:var(--fd-bg);color:var(--fd-fg);border:10px solid var(--fd-bezel);border-radius:36px;overflow:hidden;font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.4;box-shadow:0 4px 24px rgba(0,0,0,.25)}
.fd-theme-dark .fd-phone,.vscode-dark .fd-phone{${palette.dark}}
@media (prefers-color-scheme: dark){.fd-theme-auto .fd-phone{${palette.dark}}}
.vscode-high-contrast .fd-phone,.vscode-high-contrast-light .fd-phone{color-scheme:dark;--fd-bg:var(--vscode-editor-background);--fd-fg:var(--vscode-editor-foreground);--fd-muted:var(--vscode-descriptionForeground);--fd-line:var(--vscode-contrastBorder);--fd-field:var(--vscode-contrastBorder);--fd-accent:var(--vscode-button-background);--fd-accent-fg:var(--vscode-button-foreground);--fd-chip:var(--vscode-editor-background);--fd-chip-on:var(--vscode-button-background);--fd-error:var(--vscode-errorForeground);--fd-bar:var(--vscode-editor-background);--fd-bezel:var(--vscode-contrastBorder);--fd-issue:var(--vscode-errorForeground);--fd-issue-bg:transparent}
.vscode-high-contrast-light .fd-phone{color-scheme:light}
.fd-phone *{box-sizing:border-box}
.fd-statusbar{display:flex;justify-content:space-between;padding:6px 18px 2px;font-size:12px;font-weight:600;background:var(--fd-bar)}
.fd-appbar{display:flex;align-items:center;gap:8px;padding:8px 12px;background:var(--fd-bar);border-bottom:1px solid var(--fd-line)}
.fd-appbar-button{width:28px;height:28px;display:inline-flex;align-items:center;justify-content:center;font-size:18px;color:var(--fd-fg);background:none;border:0;border-radius:14px;padding:0}
button.fd-appbar-button{cursor:pointer}
.fd-title{flex:1;text-align:center;font-weight:600;font-size:16px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.fd-screen-body{flex:1;overflow-y:auto;padding:16px 16px 8px;display:flex;flex-direction:column;gap:16px}
.fd-screen-footer{padding:8px 16px 12px;border-top:1px solid var(--fd-line);background:var(--fd-bg)}
.fd-component{position:relative;min-width:0}
.fd-branch,.fd-form,.fd-c-Form{display:flex;flex-direction:column;gap:16px;margin:0}
.fd-branch:empty{display:none}
.fd-heading{font-size:22px;font-weight:700;line-height:1.25}
.fd-subheading{font-size:18px;font-weight:600}
.fd-body{font-size:15px}
.fd-caption{font-size:13px;color:var(--fd-muted)}
.fd-pre{white-space:pre-wrap}
.fd-bold{font-weight:700}.fd-italic{font-style:italic}.fd-strike{text-decoration:line-through}
.fd-md-p{margin:0 0 8px}.fd-md-p:last-child{margin-bottom:0}
.fd-md-list{margin:0 0 8px;padding-left:22px}
.fd-md-table{border-collapse:collapse;width:100%;font-size:13px;margin:4px 0}
.fd-md-table th,.fd-md-table td{border:1px solid var(--fd-line);padding:4px 6px;text-align:left}
.fd-md-image{max-width:100%;height:auto;display:block;border-radius:8px}
.fd-image{max-width:100%;display:block;border-radius:8px}
.fd-rich{display:flex;flex-direction:column;gap:10px}
.fd-link{color:var(--fd-accent);text-decoration:none;cursor:pointer;font-weight:500}
.fd-link:hover{text-decoration:underline}
.fd-field{position:relative;border:1px solid var(--fd-field);border-radius:8px;padding:18px 12px 6px;background:var(--fd-bg)}
.fd-field:focus-within{border-color:var(--fd-accent);box-shadow:0 0 0 1px var(--fd-accent)}
.fd-field-label{position:absolute;left:12px;top:4px;font-size:12px;color:var(--fd-muted)}
.fd-field-large{border:0;padding:0}
.fd-field-large .fd-field-label{position:static;display:block;font-size:15px;font-weight:600;color:var(--fd-fg);margin-bottom:6px}
.fd-field-large .fd-input{border:1px solid var(--fd-field);border-radius:8px;padding:10px 12px}
.fd-optional{color:var(--fd-muted);font-weight:400}
.fd-input{width:100%;border:0;outline:0;background:transparent;color:var(--fd-fg);font:inherit;padding:2px 0;resize:none}
.fd-select{appearance:auto;cursor:pointer}
.fd-select option{background:var(--fd-bg);color:var(--fd-fg)}
.fd-date-range{display:flex;flex-direction:column;gap:12px}
.fd-invalid.fd-field,.fd-field.fd-invalid{border-color:var(--fd-error)}
.fd-error-text{color:var(--fd-error);font-size:12px;margin-top:4px}
.fd-helper,.fd-counter{color:var(--fd-muted);font-size:12px;margin-top:4px}
.fd-counter{text-align:right;margin-top:-16px}
.fd-disabled{opacity:.5}
.fd-group-label{font-weight:600;font-size:15px;margin-bottom:2px}
.fd-group-description{color:var(--fd-muted);font-size:13px;margin-bottom:6px}
.fd-options{display:flex;flex-direction:column}
.fd-option{display:flex;align-items:center;gap:10px;padding:10px 0;border-bottom:1px solid var(--fd-line);cursor:pointer}
.fd-option:last-child{border-bottom:0}
.fd-option-text{flex:1;display:flex;flex-direction:column;min-width:0}
.fd-option-title{font-size:15px}
.fd-option-description{font-size:13px;color:var(--fd-muted)}
.fd-option-metadata{font-size:12px;color:var(--fd-muted)}
.fd-option-image{width:40px;height:40px;object-fit:cover;border-radius:6px}
.fd-option-image.fd-media-large{width:64px;height:64px}
.fd-swatch{width:16px;height:16px;flex:none}
.fd-control,.fd-chip-input{accent-color:var(--fd-accent);width:20px;height:20px;margin:0;flex:none;cursor:pointer}
.fd-chips{display:flex;flex-wrap:wrap;gap:8px}
.fd-chip{position:relative;display:inline-flex;align-items:center;padding:6px 14px;border-radius:16px;background:var(--fd-chip);border:1px solid var(--fd-line);cursor:pointer;font-size:14px}
.fd-chip.fd-selected{background:var(--fd-chip-on);border-color:var(--fd-accent)}
.fd-chip-input{position:absolute;opacity:0;width:1px;height:1px}
.fd-chip:focus-within{outline:2px solid var(--fd-accent);outline-offset:1px}
.fd-optin{display:flex;align-items:flex-start;gap:10px}
.fd-optin-label{flex:1;cursor:pointer}
.fd-embedded-link{display:inline-block}
.fd-nav-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column}
.fd-nav-item{width:100%;display:flex;align-items:center;gap:12px;padding:12px 0;background:none;border:0;border-bottom:1px solid var(--fd-line);color:var(--fd-fg);font:inherit;text-align:left;cursor:pointer}
.fd-nav-image{width:40px;height:40px;border-radius:6px;object-fit:cover}
.fd-media-large .fd-nav-image{width:100%;height:auto}
.fd-nav-item.fd-media-large{flex-wrap:wrap}
.fd-nav-main{flex:1;display:flex;flex-direction:column;min-width:0}
.fd-nav-end{display:flex;flex-direction:column;align-items:flex-end}
.fd-nav-end-title{font-weight:600}
.fd-chevron{color:var(--fd-muted);font-size:20px}
.fd-badge{align-self:flex-start;background:var(--fd-accent);color:var(--fd-accent-fg);font-size:11px;padding:1px 8px;border-radius:10px;margin-bottom:2px}
.fd-tags{display:flex;gap:4px;flex-wrap:wrap;margin-top:4px}
.fd-tag{font-size:11px;background:var(--fd-chip);padding:1px 6px;border-radius:4px}
.fd-cover{object-fit:cover}.fd-contain{object-fit:contain}
.fd-carousel{display:flex;overflow-x:auto;scroll-snap-type:x mandatory;gap:8px;border-radius:8px}
.fd-slide{flex:0 0 100%;scroll-snap-align:start}
.fd-dots{display:flex;justify-content:center;gap:6px;margin-top:6px}
.fd-dot{width:6px;height:6px;border-radius:3px;background:var(--fd-line)}
.fd-dot-on{background:var(--fd-accent)}
.fd-image-missing{border:1px dashed var(--fd-field);border-radius:8px;padding:24px 12px;text-align:center;color:var(--fd-muted);font-size:13px}
.fd-picker{display:flex;flex-direction:column;gap:8px;margin-top:6px}
.fd-picker-button{border:1px dashed var(--fd-field);border-radius:8px;padding:12px;background:none;color:var(--fd-accent);font:inherit;text-align:left}
.fd-captions{display:flex;justify-content:space-between;font-size:12px;color:var(--fd-muted);margin-bottom:6px}
.fd-captions-center{justify-content:center}
.fd-footer-button{width:100%;padding:11px 16px;border:0;border-radius:22px;background:var(--fd-accent);color:var(--fd-accent-fg);font:inherit;font-weight:600;cursor:pointer}
.fd-footer-button.fd-dim{opacity:.45}
.vscode-high-contrast .fd-footer-button,.vscode-high-contrast-light .fd-footer-button,.vscode-high-contrast .fd-chip,.vscode-high-contrast-light .fd-chip{border:1px solid var(--vscode-contrastBorder)}
.fd-managed{text-align:center;font-size:11px;color:var(--fd-muted);margin-top:8px}
.fd-unknown{border:1px dashed var(--fd-issue);border-radius:6px;padding:8px;color:var(--fd-issue);font-family:monospace}
.fd-has-issue{outline:2px solid var(--fd-issue);outline-offset:3px;border-radius:4px;background:var(--fd-issue-bg)}
.fd-issue{color:var(--fd-issue);font-size:12px;margin-top:4px;padding-left:16px;position:relative}
.fd-issue::before{content:"⚠";position:absolute;left:0}
.fd-screen-issues{padding:4px}
.fd-empty{color:var(--fd-muted);text-align:center;margin-top:40px}
.fd-component.fd-current{box-shadow:-4px 0 0 var(--fd-accent)}
.fd-phone :focus-visible{outline:2px solid var(--fd-accent);outline-offset:2px}
`;

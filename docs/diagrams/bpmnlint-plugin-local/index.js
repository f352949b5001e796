// The project's bpmnlint rules, used by .bpmnlintrc as plugin:local/recommended; bpmnlint loads each from rules/<name>.js.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'merging-gateway-unnamed': 'error',
        'end-event-named-as-state': 'error',
      },
    },
  },
};

"""Layout, navigation, i18n, static assets and error pages."""

"""Small shared helpers: ids, problem-details errors, pagination."""

#pragma once
// The one place where the coverage analysis's error codes (geo/coverage/errors.hpp) become the API's:
// which query parameter a field is, which invalidParams code an error is, and when it is a 404.
#include "geo/coverage/errors.hpp"
#include "service/render/problem.hpp"

#include <vector>

namespace ido::service {

/// The problem for the analysis's errors: 404 niet-gevonden for an unknown gemeentecode, else a 400
/// (ongeldige-parameters) whose invalidParams name the query parameter (`afstanden`, `herkomst`, `extraLocaties`, `aantal`,
/// `binnen`) and carry the code of the table in coverage_problems.cpp.
Problem coverage_problem(const std::vector<coverage::CoverageError>& errors);

}  // namespace ido::service

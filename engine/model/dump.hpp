// The checked model printed for programs (`kpi dump --format json`, SPEC §5) and for people.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "engine/model/model.hpp"

namespace kpi {

// Version 1 of the JSON shape; decimals are exact strings, positions 1-based.
std::string dump_json(const model::model& m);

// One line per indicator, for reading and for golden tests.
std::string dump_text(const model::model& m);

// The same texts handed to `put` in pieces of about a megabyte, for models of any size.
void dump_json(const model::model& m, const std::function<void(std::string_view)>& put);
void dump_text(const model::model& m, const std::function<void(std::string_view)>& put);

}  // namespace kpi

#pragma once
// Moved to service/render/json_output.hpp (issue 12). This forwarder stays only until the files of other owners that still include
// the old path (service/write_endpoints.cpp) are switched to the new one.
#include "service/render/json_output.hpp"

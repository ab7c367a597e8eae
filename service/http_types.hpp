#pragma once
// Moved to service/http/http_types.hpp (issue 12). This forwarder stays only until the files of other owners that still include
// the old path (service/write_endpoints.hpp, fuzz/) are switched to the new one.
#include "service/http/http_types.hpp"

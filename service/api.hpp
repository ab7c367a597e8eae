#pragma once
// Moved to service/http/api.hpp (issue 12). This forwarder stays only until the files of other owners that still include
// the old path (service/main.cpp, fuzz/) are switched to the new one.
#include "service/http/api.hpp"

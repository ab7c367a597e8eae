#pragma once
// Moved to service/http/static_files.hpp (issue 12). This forwarder stays only until the files of other owners that still include
// the old path (fuzz/) are switched to the new one.
#include "service/http/static_files.hpp"

// The one translation unit that compiles Asio and Beast (BOOST_*_SEPARATE_COMPILATION is set for
// every user of samaki_asio), so other files only parse their declarations.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>

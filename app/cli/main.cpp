#include "app/cli/command_line.h"

#include <iostream>

int main(int argc, char** argv) {
    return edgesmith::cli::runCommandLine(argc, argv, {std::cout, std::cerr});
}

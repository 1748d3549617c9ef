# CPack: a Debian package and a .tar.gz of the same install tree. `cpack --config build/release/CPackConfig.cmake`
# (or `cmake --build build/release --target package`); tests/packaging/test_package.sh builds and checks both.
set(CPACK_PACKAGE_NAME trailscope)
set(CPACK_PACKAGE_VENDOR "Trailscope developers")
set(CPACK_PACKAGE_CONTACT "${TRAILSCOPE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline audit console for AWS CloudTrail")
set(CPACK_PACKAGE_HOMEPAGE_URL "${TRAILSCOPE_HOMEPAGE}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY trailscope)
set(CPACK_GENERATOR TGZ DEB)
set(CPACK_STRIP_FILES ON)
# The package holds the programs and their data only: no static libraries, headers or test executables.
set(CPACK_PACKAGE_FILE_NAME "trailscope-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_ARCHIVE_FILE_NAME "${CPACK_PACKAGE_FILE_NAME}")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # trailscope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TRAILSCOPE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${TRAILSCOPE_HOMEPAGE}")
# Debian's extended description; CPack puts the summary above it and indents it (an empty line is a paragraph break).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Trailscope imports AWS CloudTrail trail archives, AWSLogs trees of gzip files,
single files and Event history exports into an SQLite case file on the local
disk, and answers who did what, to which resource, when and from where:
a search language and CloudTrail Lake SQL, facets, a timeline, Insights
computed offline, detection rules (CIS metric filters, Sigma) and offline
log-file integrity validation.

trailscope is the desktop console; trailscope-cli does the same from a
terminal or a script.")
# Depends from the programs' libraries (dpkg-shlibdeps). Case files are SQLite through libsqlite3 itself, not Qt's
# QSQLITE driver, so libqt6sql6-sqlite is not needed.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not a library, so dpkg-shlibdeps cannot find it: the PDF reports are set in DejaVu Sans.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)

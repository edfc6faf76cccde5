# Puts the chat page into the build's web/ directory: its own files, and the
# JavaScript libraries npm ci installed into build/npm (scripts/lib.sh
# medha_npm_ci). Run at every build, so an edit shows up at once.
#   cmake -DSRC=<this dir> -DNODE_MODULES=<build/npm/node_modules> -DOUT=<build/web> -P copy_web.cmake
file(MAKE_DIRECTORY ${OUT}/vendor)
file(GLOB page ${SRC}/*.html ${SRC}/*.js ${SRC}/*.css)
file(COPY ${page} DESTINATION ${OUT})
foreach(lib vega/build/vega.min.js vega-lite/build/vega-lite.min.js vega-embed/build/vega-embed.min.js)
  if(EXISTS ${NODE_MODULES}/${lib})
    file(COPY ${NODE_MODULES}/${lib} DESTINATION ${OUT}/vendor)
  else()
    message(WARNING "${NODE_MODULES}/${lib} is missing: run scripts/test or scripts/demo (npm ci); the page draws no charts without it")
  endif()
endforeach()

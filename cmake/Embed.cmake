# cmake -DIN=file -DOUT=file.c -DNAME=symbol -P Embed.cmake
# Writes `const char NAME[]`: the bytes of IN and a final NUL, as a C array
# (no escaping rules to get wrong, whatever the text holds).
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUT}.tmp" "/* generated from ${IN} by cmake/Embed.cmake */\nconst char ${NAME}[] = {\n  ${bytes}0x00};\n")
file(RENAME "${OUT}.tmp" "${OUT}")

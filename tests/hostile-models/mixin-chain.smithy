// A chain of 300 mixins, written bottom-up (which once escaped the depth limit).
$version: "2.0"
namespace hostile.mixins
use aws.protocols#awsJson1_1
@awsJson1_1
service Svc { version: "1" operations: [Mix] }
operation Mix { input: M0 }
@mixin
structure M300 { m300: String }
@mixin
structure M299 with [M300] { m299: String }
@mixin
structure M298 with [M299] { m298: String }
@mixin
structure M297 with [M298] { m297: String }
@mixin
structure M296 with [M297] { m296: String }
@mixin
structure M295 with [M296] { m295: String }
@mixin
structure M294 with [M295] { m294: String }
@mixin
structure M293 with [M294] { m293: String }
@mixin
structure M292 with [M293] { m292: String }
@mixin
structure M291 with [M292] { m291: String }
@mixin
structure M290 with [M291] { m290: String }
@mixin
structure M289 with [M290] { m289: String }
@mixin
structure M288 with [M289] { m288: String }
@mixin
structure M287 with [M288] { m287: String }
@mixin
structure M286 with [M287] { m286: String }
@mixin
structure M285 with [M286] { m285: String }
@mixin
structure M284 with [M285] { m284: String }
@mixin
structure M283 with [M284] { m283: String }
@mixin
structure M282 with [M283] { m282: String }
@mixin
structure M281 with [M282] { m281: String }
@mixin
structure M280 with [M281] { m280: String }
@mixin
structure M279 with [M280] { m279: String }
@mixin
structure M278 with [M279] { m278: String }
@mixin
structure M277 with [M278] { m277: String }
@mixin
structure M276 with [M277] { m276: String }
@mixin
structure M275 with [M276] { m275: String }
@mixin
structure M274 with [M275] { m274: String }
@mixin
structure M273 with [M274] { m273: String }
@mixin
structure M272 with [M273] { m272: String }
@mixin
structure M271 with [M272] { m271: String }
@mixin
structure M270 with [M271] { m270: String }
@mixin
structure M269 with [M270] { m269: String }
@mixin
structure M268 with [M269] { m268: String }
@mixin
structure M267 with [M268] { m267: String }
@mixin
structure M266 with [M267] { m266: String }
@mixin
structure M265 with [M266] { m265: String }
@mixin
structure M264 with [M265] { m264: String }
@mixin
structure M263 with [M264] { m263: String }
@mixin
structure M262 with [M263] { m262: String }
@mixin
structure M261 with [M262] { m261: String }
@mixin
structure M260 with [M261] { m260: String }
@mixin
structure M259 with [M260] { m259: String }
@mixin
structure M258 with [M259] { m258: String }
@mixin
structure M257 with [M258] { m257: String }
@mixin
structure M256 with [M257] { m256: String }
@mixin
structure M255 with [M256] { m255: String }
@mixin
structure M254 with [M255] { m254: String }
@mixin
structure M253 with [M254] { m253: String }
@mixin
structure M252 with [M253] { m252: String }
@mixin
structure M251 with [M252] { m251: String }
@mixin
structure M250 with [M251] { m250: String }
@mixin
structure M249 with [M250] { m249: String }
@mixin
structure M248 with [M249] { m248: String }
@mixin
structure M247 with [M248] { m247: String }
@mixin
structure M246 with [M247] { m246: String }
@mixin
structure M245 with [M246] { m245: String }
@mixin
structure M244 with [M245] { m244: String }
@mixin
structure M243 with [M244] { m243: String }
@mixin
structure M242 with [M243] { m242: String }
@mixin
structure M241 with [M242] { m241: String }
@mixin
structure M240 with [M241] { m240: String }
@mixin
structure M239 with [M240] { m239: String }
@mixin
structure M238 with [M239] { m238: String }
@mixin
structure M237 with [M238] { m237: String }
@mixin
structure M236 with [M237] { m236: String }
@mixin
structure M235 with [M236] { m235: String }
@mixin
structure M234 with [M235] { m234: String }
@mixin
structure M233 with [M234] { m233: String }
@mixin
structure M232 with [M233] { m232: String }
@mixin
structure M231 with [M232] { m231: String }
@mixin
structure M230 with [M231] { m230: String }
@mixin
structure M229 with [M230] { m229: String }
@mixin
structure M228 with [M229] { m228: String }
@mixin
structure M227 with [M228] { m227: String }
@mixin
structure M226 with [M227] { m226: String }
@mixin
structure M225 with [M226] { m225: String }
@mixin
structure M224 with [M225] { m224: String }
@mixin
structure M223 with [M224] { m223: String }
@mixin
structure M222 with [M223] { m222: String }
@mixin
structure M221 with [M222] { m221: String }
@mixin
structure M220 with [M221] { m220: String }
@mixin
structure M219 with [M220] { m219: String }
@mixin
structure M218 with [M219] { m218: String }
@mixin
structure M217 with [M218] { m217: String }
@mixin
structure M216 with [M217] { m216: String }
@mixin
structure M215 with [M216] { m215: String }
@mixin
structure M214 with [M215] { m214: String }
@mixin
structure M213 with [M214] { m213: String }
@mixin
structure M212 with [M213] { m212: String }
@mixin
structure M211 with [M212] { m211: String }
@mixin
structure M210 with [M211] { m210: String }
@mixin
structure M209 with [M210] { m209: String }
@mixin
structure M208 with [M209] { m208: String }
@mixin
structure M207 with [M208] { m207: String }
@mixin
structure M206 with [M207] { m206: String }
@mixin
structure M205 with [M206] { m205: String }
@mixin
structure M204 with [M205] { m204: String }
@mixin
structure M203 with [M204] { m203: String }
@mixin
structure M202 with [M203] { m202: String }
@mixin
structure M201 with [M202] { m201: String }
@mixin
structure M200 with [M201] { m200: String }
@mixin
structure M199 with [M200] { m199: String }
@mixin
structure M198 with [M199] { m198: String }
@mixin
structure M197 with [M198] { m197: String }
@mixin
structure M196 with [M197] { m196: String }
@mixin
structure M195 with [M196] { m195: String }
@mixin
structure M194 with [M195] { m194: String }
@mixin
structure M193 with [M194] { m193: String }
@mixin
structure M192 with [M193] { m192: String }
@mixin
structure M191 with [M192] { m191: String }
@mixin
structure M190 with [M191] { m190: String }
@mixin
structure M189 with [M190] { m189: String }
@mixin
structure M188 with [M189] { m188: String }
@mixin
structure M187 with [M188] { m187: String }
@mixin
structure M186 with [M187] { m186: String }
@mixin
structure M185 with [M186] { m185: String }
@mixin
structure M184 with [M185] { m184: String }
@mixin
structure M183 with [M184] { m183: String }
@mixin
structure M182 with [M183] { m182: String }
@mixin
structure M181 with [M182] { m181: String }
@mixin
structure M180 with [M181] { m180: String }
@mixin
structure M179 with [M180] { m179: String }
@mixin
structure M178 with [M179] { m178: String }
@mixin
structure M177 with [M178] { m177: String }
@mixin
structure M176 with [M177] { m176: String }
@mixin
structure M175 with [M176] { m175: String }
@mixin
structure M174 with [M175] { m174: String }
@mixin
structure M173 with [M174] { m173: String }
@mixin
structure M172 with [M173] { m172: String }
@mixin
structure M171 with [M172] { m171: String }
@mixin
structure M170 with [M171] { m170: String }
@mixin
structure M169 with [M170] { m169: String }
@mixin
structure M168 with [M169] { m168: String }
@mixin
structure M167 with [M168] { m167: String }
@mixin
structure M166 with [M167] { m166: String }
@mixin
structure M165 with [M166] { m165: String }
@mixin
structure M164 with [M165] { m164: String }
@mixin
structure M163 with [M164] { m163: String }
@mixin
structure M162 with [M163] { m162: String }
@mixin
structure M161 with [M162] { m161: String }
@mixin
structure M160 with [M161] { m160: String }
@mixin
structure M159 with [M160] { m159: String }
@mixin
structure M158 with [M159] { m158: String }
@mixin
structure M157 with [M158] { m157: String }
@mixin
structure M156 with [M157] { m156: String }
@mixin
structure M155 with [M156] { m155: String }
@mixin
structure M154 with [M155] { m154: String }
@mixin
structure M153 with [M154] { m153: String }
@mixin
structure M152 with [M153] { m152: String }
@mixin
structure M151 with [M152] { m151: String }
@mixin
structure M150 with [M151] { m150: String }
@mixin
structure M149 with [M150] { m149: String }
@mixin
structure M148 with [M149] { m148: String }
@mixin
structure M147 with [M148] { m147: String }
@mixin
structure M146 with [M147] { m146: String }
@mixin
structure M145 with [M146] { m145: String }
@mixin
structure M144 with [M145] { m144: String }
@mixin
structure M143 with [M144] { m143: String }
@mixin
structure M142 with [M143] { m142: String }
@mixin
structure M141 with [M142] { m141: String }
@mixin
structure M140 with [M141] { m140: String }
@mixin
structure M139 with [M140] { m139: String }
@mixin
structure M138 with [M139] { m138: String }
@mixin
structure M137 with [M138] { m137: String }
@mixin
structure M136 with [M137] { m136: String }
@mixin
structure M135 with [M136] { m135: String }
@mixin
structure M134 with [M135] { m134: String }
@mixin
structure M133 with [M134] { m133: String }
@mixin
structure M132 with [M133] { m132: String }
@mixin
structure M131 with [M132] { m131: String }
@mixin
structure M130 with [M131] { m130: String }
@mixin
structure M129 with [M130] { m129: String }
@mixin
structure M128 with [M129] { m128: String }
@mixin
structure M127 with [M128] { m127: String }
@mixin
structure M126 with [M127] { m126: String }
@mixin
structure M125 with [M126] { m125: String }
@mixin
structure M124 with [M125] { m124: String }
@mixin
structure M123 with [M124] { m123: String }
@mixin
structure M122 with [M123] { m122: String }
@mixin
structure M121 with [M122] { m121: String }
@mixin
structure M120 with [M121] { m120: String }
@mixin
structure M119 with [M120] { m119: String }
@mixin
structure M118 with [M119] { m118: String }
@mixin
structure M117 with [M118] { m117: String }
@mixin
structure M116 with [M117] { m116: String }
@mixin
structure M115 with [M116] { m115: String }
@mixin
structure M114 with [M115] { m114: String }
@mixin
structure M113 with [M114] { m113: String }
@mixin
structure M112 with [M113] { m112: String }
@mixin
structure M111 with [M112] { m111: String }
@mixin
structure M110 with [M111] { m110: String }
@mixin
structure M109 with [M110] { m109: String }
@mixin
structure M108 with [M109] { m108: String }
@mixin
structure M107 with [M108] { m107: String }
@mixin
structure M106 with [M107] { m106: String }
@mixin
structure M105 with [M106] { m105: String }
@mixin
structure M104 with [M105] { m104: String }
@mixin
structure M103 with [M104] { m103: String }
@mixin
structure M102 with [M103] { m102: String }
@mixin
structure M101 with [M102] { m101: String }
@mixin
structure M100 with [M101] { m100: String }
@mixin
structure M99 with [M100] { m99: String }
@mixin
structure M98 with [M99] { m98: String }
@mixin
structure M97 with [M98] { m97: String }
@mixin
structure M96 with [M97] { m96: String }
@mixin
structure M95 with [M96] { m95: String }
@mixin
structure M94 with [M95] { m94: String }
@mixin
structure M93 with [M94] { m93: String }
@mixin
structure M92 with [M93] { m92: String }
@mixin
structure M91 with [M92] { m91: String }
@mixin
structure M90 with [M91] { m90: String }
@mixin
structure M89 with [M90] { m89: String }
@mixin
structure M88 with [M89] { m88: String }
@mixin
structure M87 with [M88] { m87: String }
@mixin
structure M86 with [M87] { m86: String }
@mixin
structure M85 with [M86] { m85: String }
@mixin
structure M84 with [M85] { m84: String }
@mixin
structure M83 with [M84] { m83: String }
@mixin
structure M82 with [M83] { m82: String }
@mixin
structure M81 with [M82] { m81: String }
@mixin
structure M80 with [M81] { m80: String }
@mixin
structure M79 with [M80] { m79: String }
@mixin
structure M78 with [M79] { m78: String }
@mixin
structure M77 with [M78] { m77: String }
@mixin
structure M76 with [M77] { m76: String }
@mixin
structure M75 with [M76] { m75: String }
@mixin
structure M74 with [M75] { m74: String }
@mixin
structure M73 with [M74] { m73: String }
@mixin
structure M72 with [M73] { m72: String }
@mixin
structure M71 with [M72] { m71: String }
@mixin
structure M70 with [M71] { m70: String }
@mixin
structure M69 with [M70] { m69: String }
@mixin
structure M68 with [M69] { m68: String }
@mixin
structure M67 with [M68] { m67: String }
@mixin
structure M66 with [M67] { m66: String }
@mixin
structure M65 with [M66] { m65: String }
@mixin
structure M64 with [M65] { m64: String }
@mixin
structure M63 with [M64] { m63: String }
@mixin
structure M62 with [M63] { m62: String }
@mixin
structure M61 with [M62] { m61: String }
@mixin
structure M60 with [M61] { m60: String }
@mixin
structure M59 with [M60] { m59: String }
@mixin
structure M58 with [M59] { m58: String }
@mixin
structure M57 with [M58] { m57: String }
@mixin
structure M56 with [M57] { m56: String }
@mixin
structure M55 with [M56] { m55: String }
@mixin
structure M54 with [M55] { m54: String }
@mixin
structure M53 with [M54] { m53: String }
@mixin
structure M52 with [M53] { m52: String }
@mixin
structure M51 with [M52] { m51: String }
@mixin
structure M50 with [M51] { m50: String }
@mixin
structure M49 with [M50] { m49: String }
@mixin
structure M48 with [M49] { m48: String }
@mixin
structure M47 with [M48] { m47: String }
@mixin
structure M46 with [M47] { m46: String }
@mixin
structure M45 with [M46] { m45: String }
@mixin
structure M44 with [M45] { m44: String }
@mixin
structure M43 with [M44] { m43: String }
@mixin
structure M42 with [M43] { m42: String }
@mixin
structure M41 with [M42] { m41: String }
@mixin
structure M40 with [M41] { m40: String }
@mixin
structure M39 with [M40] { m39: String }
@mixin
structure M38 with [M39] { m38: String }
@mixin
structure M37 with [M38] { m37: String }
@mixin
structure M36 with [M37] { m36: String }
@mixin
structure M35 with [M36] { m35: String }
@mixin
structure M34 with [M35] { m34: String }
@mixin
structure M33 with [M34] { m33: String }
@mixin
structure M32 with [M33] { m32: String }
@mixin
structure M31 with [M32] { m31: String }
@mixin
structure M30 with [M31] { m30: String }
@mixin
structure M29 with [M30] { m29: String }
@mixin
structure M28 with [M29] { m28: String }
@mixin
structure M27 with [M28] { m27: String }
@mixin
structure M26 with [M27] { m26: String }
@mixin
structure M25 with [M26] { m25: String }
@mixin
structure M24 with [M25] { m24: String }
@mixin
structure M23 with [M24] { m23: String }
@mixin
structure M22 with [M23] { m22: String }
@mixin
structure M21 with [M22] { m21: String }
@mixin
structure M20 with [M21] { m20: String }
@mixin
structure M19 with [M20] { m19: String }
@mixin
structure M18 with [M19] { m18: String }
@mixin
structure M17 with [M18] { m17: String }
@mixin
structure M16 with [M17] { m16: String }
@mixin
structure M15 with [M16] { m15: String }
@mixin
structure M14 with [M15] { m14: String }
@mixin
structure M13 with [M14] { m13: String }
@mixin
structure M12 with [M13] { m12: String }
@mixin
structure M11 with [M12] { m11: String }
@mixin
structure M10 with [M11] { m10: String }
@mixin
structure M9 with [M10] { m9: String }
@mixin
structure M8 with [M9] { m8: String }
@mixin
structure M7 with [M8] { m7: String }
@mixin
structure M6 with [M7] { m6: String }
@mixin
structure M5 with [M6] { m5: String }
@mixin
structure M4 with [M5] { m4: String }
@mixin
structure M3 with [M4] { m3: String }
@mixin
structure M2 with [M3] { m2: String }
@mixin
structure M1 with [M2] { m1: String }
structure M0 with [M1] { m0: String }

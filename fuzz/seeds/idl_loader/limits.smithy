$version: "2.0"
namespace ex
use aws.protocols#awsJson1_1
@awsJson1_1
service S { version: "1" operations: [Op] }
operation Op { input: M0 }
@mixin
structure M120 { m120: L0 }
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
list L0 { member: L1 }
list L1 { member: L2 }
list L2 { member: L3 }
list L3 { member: L4 }
list L4 { member: L5 }
list L5 { member: L6 }
list L6 { member: L7 }
list L7 { member: L8 }
list L8 { member: L9 }
list L9 { member: L10 }
list L10 { member: L11 }
list L11 { member: L12 }
list L12 { member: L13 }
list L13 { member: L14 }
list L14 { member: L15 }
list L15 { member: L16 }
list L16 { member: L17 }
list L17 { member: L18 }
list L18 { member: L19 }
list L19 { member: L20 }
list L20 { member: L21 }
list L21 { member: L22 }
list L22 { member: L23 }
list L23 { member: L24 }
list L24 { member: L25 }
list L25 { member: L26 }
list L26 { member: L27 }
list L27 { member: L28 }
list L28 { member: L29 }
list L29 { member: L30 }
list L30 { member: L31 }
list L31 { member: L32 }
list L32 { member: L33 }
list L33 { member: L34 }
list L34 { member: L35 }
list L35 { member: L36 }
list L36 { member: L37 }
list L37 { member: L38 }
list L38 { member: L39 }
list L39 { member: L40 }
list L40 { member: L40 }

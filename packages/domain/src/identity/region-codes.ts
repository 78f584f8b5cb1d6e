/** Province-level codes of GB/T 2260 (first two digits of an ID number), with short names. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  // 830000 is the region code of residence permits for Taiwan residents (港澳台居民居住证, 2018).
  '83': '台湾居民居住证',
};

/** Shanghai county-level codes in use today (GB/T 2260, since the 2016 崇明 change). */
export const SHANGHAI_DISTRICTS: Readonly<Record<string, string>> = {
  '310101': '黄浦区',
  '310104': '徐汇区',
  '310105': '长宁区',
  '310106': '静安区',
  '310107': '普陀区',
  '310109': '虹口区',
  '310110': '杨浦区',
  '310112': '闵行区',
  '310113': '宝山区',
  '310114': '嘉定区',
  '310115': '浦东新区',
  '310116': '金山区',
  '310117': '松江区',
  '310118': '青浦区',
  '310120': '奉贤区',
  '310151': '崇明区',
};

/**
 * Abolished Shanghai codes still found in ID numbers issued before the mergers (an ID number keeps
 * the code of the place of first registration for life).
 */
export const SHANGHAI_HISTORICAL_DISTRICTS: Readonly<Record<string, string>> = {
  '310102': '南市区', // merged into 黄浦 in 2000
  '310103': '卢湾区', // merged into 黄浦 in 2011
  '310108': '闸北区', // merged into 静安 in 2015
  '310119': '南汇区', // merged into 浦东新区 in 2009
  '310230': '崇明县', // became 崇明区 (310151) in 2016
};

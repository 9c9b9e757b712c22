"""Demo content for Shangmen Jining (济宁上门).

Pure data, read by the demo loader. Every translatable text is a dict with "zh" (Simplified
Chinese, the source language) and "en". Body texts are lists of such dicts, one per paragraph,
in plain text. Prices are yuan strings with two decimals; "unit" is "visit", "hour" or "sqm".
An editor should check every factual claim before the content goes live.
"""

# 370811 任城区 Rencheng, 370812 兖州区 Yanzhou, 370826 微山县 Weishan, 370827 鱼台县 Yutai,
# 370828 金乡县 Jinxiang, 370829 嘉祥县 Jiaxiang, 370830 汶上县 Wenshang, 370831 泗水县 Sishui,
# 370832 梁山县 Liangshan, 370881 曲阜市 Qufu, 370883 邹城市 Zoucheng
JINING_DISTRICT_CODES = [
    "370811",
    "370812",
    "370826",
    "370827",
    "370828",
    "370829",
    "370830",
    "370831",
    "370832",
    "370881",
    "370883",
]

QUALIFICATIONS = [
    {"code": "health_certificate", "name": {"zh": "健康证", "en": "Health certificate"}},
    {
        "code": "housekeeping_cert",
        "name": {"zh": "家政服务员证", "en": "Domestic service worker certificate"},
    },
    {"code": "elderly_care_worker", "name": {"zh": "养老护理员证", "en": "Elderly care worker certificate"}},
    {"code": "nurse_licence", "name": {"zh": "护士执业证书", "en": "Registered nurse practising licence"}},
    {
        "code": "electrician_licence",
        "name": {"zh": "低压电工作业证", "en": "Low-voltage electrician operation certificate"},
    },
    {
        "code": "refrigeration_cert",
        "name": {"zh": "制冷与空调作业证", "en": "Refrigeration and air-conditioning operation certificate"},
    },
    {
        "code": "hairdresser_cert",
        "name": {"zh": "美发师职业技能证书", "en": "Hairdresser vocational skill certificate"},
    },
    {
        "code": "beautician_cert",
        "name": {"zh": "美容师职业技能证书", "en": "Beautician vocational skill certificate"},
    },
    {
        "code": "fitness_instructor_cert",
        "name": {"zh": "健身教练职业资格证", "en": "Fitness instructor qualification certificate"},
    },
    {"code": "chef_cert", "name": {"zh": "中式烹调师证", "en": "Chinese cuisine chef certificate"}},
    {
        "code": "tour_guide_licence",
        "name": {"zh": "导游资格证", "en": "Tour guide qualification certificate"},
    },
    {
        "code": "intangible_heritage_inheritor",
        "name": {"zh": "非物质文化遗产传承人", "en": "Recognised intangible cultural heritage inheritor"},
    },
]

HOME = {
    "title": {"zh": "济宁上门", "en": "Shangmen Jining"},
    "hero_heading": {"zh": "放心服务，上门到家", "en": "Trusted help, right at your door"},
    "hero_text": {
        "zh": (
            "保洁、维修、养老护理、医疗护理、私厨和文化体验，覆盖济宁十一个县市区。服务人员实名认证、"
            "持证上岗，价格明码标示。"
        ),
        "en": (
            "Cleaning, repairs, elderly care, home nursing, private chefs and cultural experiences across "
            "all eleven districts and counties of Jining. Every provider is identity-verified and certified, "
            "and every price is shown up front."
        ),
    },
    "intro": [
        {
            "zh": (
                "济宁上门是一个面向济宁市民的上门服务平台，从任城、兖州的城区小区到微山湖畔、梁山脚下的乡镇，"
                "都可以在线预约。每位服务人员都经过实名认证、无犯罪记录核查和资质审核，"
                "相关证书在服务页面上公开可查。"
            ),
            "en": (
                "Shangmen Jining is a home-services platform for the people of Jining, bookable online from "
                "the estates of central Rencheng and Yanzhou to the towns by Weishan Lake and at the foot of "
                "Mount Liang. Every provider passes identity verification, a criminal record check and a "
                "review of their qualifications, and the certificates they hold are listed on each service "
                "page."
            ),
        },
        {
            "zh": (
                "济宁是孔孟之乡、运河之都。除了日常的保洁、维修和护理，我们还邀请曲阜、邹城、"
                "嘉祥等地的文化讲师和手艺人走进家中，讲一讲《论语》，织一段鲁锦，刻一方小石雕，"
                "让家门口的传统文化可亲可感。"
            ),
            "en": (
                "Jining is the home of Confucius and Mencius and a capital of the Grand Canal. Alongside "
                "everyday cleaning, repairs and care, we invite culture lecturers and craftspeople from "
                "Qufu, Zoucheng, Jiaxiang and elsewhere into your home to talk about the Analects, weave a "
                "strip of Lu brocade or carve a small stone relief, so the region's traditions become "
                "something you can touch."
            ),
        },
    ],
}

# Nine categories in display order. The last one, "culture", has no plain services: its
# offers are the CULTURAL_EXPERIENCES below.
CATEGORIES = [
    {
        "slug": "housekeeping",
        "title": {"zh": "家政保洁", "en": "Housekeeping"},
        "intro": {
            "zh": (
                "从日常保洁到装修后的开荒保洁，保洁师自带专业工具和中性清洁剂上门，按标准流程逐项完成。"
                "服务结束后您可以对照清单验收，不满意可在24小时内申请免费返工。"
            ),
            "en": (
                "From routine tidying to the first clean after a renovation, our cleaners arrive with "
                "professional tools and neutral detergents and work through a standard checklist. When they "
                "finish you can inspect the work against that checklist, and if anything falls short you may "
                "request a free re-clean within 24 hours."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "服务开始前2小时以上可免费改约或取消；开始前2小时内取消，收取20元误工费；保洁师已到达后取消，"
                "收取订单金额的30%。因暴雨、停水停电等不可抗力无法服务的，免费改约。"
            ),
            "en": (
                "You can reschedule or cancel free of charge up to 2 hours before the start time. Cancelling "
                "within 2 hours of the start costs a 20-yuan compensation fee, and cancelling after the "
                "cleaner has arrived costs 30% of the order. If the visit cannot go ahead because of heavy "
                "rain, a water or power cut or other force majeure, rescheduling is free."
            ),
        },
        "services": [
            {
                "slug": "daily-cleaning-2h",
                "title": {"zh": "日常保洁服务 2小时", "en": "Daily home cleaning, 2 hours"},
                "summary": {
                    "zh": "一位保洁师上门2小时，完成客厅、卧室、厨房和卫生间的日常清洁。",
                    "en": (
                        "One cleaner spends 2 hours on the routine cleaning of your living room, bedrooms, "
                        "kitchen and bathroom."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "服务内容包括除尘、擦拭家具表面、拖地吸尘、清洁厨房台面和灶台外表、"
                            "清洁卫生间洗手台、马桶和淋浴区，以及整理床铺和倒垃圾。适合面积在90平方米以内、"
                            "日常维护较好的住宅。"
                        ),
                        "en": (
                            "The visit covers dusting, wiping furniture surfaces, vacuuming and mopping "
                            "floors, cleaning kitchen worktops and the outside of the hob, cleaning the "
                            "bathroom basin, toilet and shower area, making the beds and taking out the "
                            "rubbish. It suits well-kept homes of up to about 90 square metres."
                        ),
                    },
                    {
                        "zh": (
                            "保洁师使用分区颜色的抹布，厨房、卫生间和客厅不混用。如需清洁冰箱内部、"
                            "擦窗户或收纳整理，可以在下单时备注，时间不够时可现场按小时续时。"
                        ),
                        "en": (
                            "Cleaners use colour-coded cloths so that the kitchen, bathroom and living areas "
                            "never share the same cloth. If you would like the inside of the fridge cleaned, "
                            "windows wiped or cupboards tidied, add a note to your order; if more time is "
                            "needed the visit can be extended by the hour on the spot."
                        ),
                    },
                ],
                "price": "100.00",
                "unit": "visit",
                "duration_minutes": 120,
                "districts": "all",
                "qualifications": ["health_certificate", "housekeeping_cert"],
                "faq": [
                    {
                        "q": {
                            "zh": "需要我准备清洁工具吗？",
                            "en": "Do I need to provide cleaning equipment?",
                        },
                        "a": {
                            "zh": (
                                "不需要。保洁师会自带抹布、拖把、清洁剂等工具；如果您习惯用自家的吸尘器或特定"
                                "清洁剂，也可以提前告诉我们。"
                            ),
                            "en": (
                                "No. The cleaner brings cloths, mops and detergents. If you prefer your own "
                                "vacuum cleaner or particular products, just let us know in advance."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "家里没人可以服务吗？",
                            "en": "Can the cleaning be done while nobody is home?",
                        },
                        "a": {
                            "zh": (
                                "首次服务建议家中有人在场。之后如需无人在家服务，"
                                "可在订单中说明钥匙或门锁密码的交接方式，服务前后保洁师会拍照上传。"
                            ),
                            "en": (
                                "For the first visit we recommend someone is at home. After that, if you "
                                "want the work done while you are out, describe in the order how the key or "
                                "door code will be handed over, and the cleaner will upload photos before "
                                "and after the visit."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "deep-cleaning-4h",
                "title": {"zh": "深度保洁 4小时", "en": "Deep cleaning, 4 hours"},
                "summary": {
                    "zh": "两位保洁师上门共4小时，重点处理厨房油污、卫生间水垢和日常顾不上的死角。",
                    "en": (
                        "Two cleaners spend 4 hours tackling kitchen grease, bathroom limescale and the "
                        "corners routine cleaning never reaches."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "深度保洁在日常保洁的基础上，增加油烟机外表和灶台去油、瓷砖缝清洁、"
                            "淋浴玻璃除水垢、柜门及开关面板擦拭、踢脚线和门框清洁等项目。适合换季大扫除、"
                            "节前打扫或长期未做清洁的住宅。"
                        ),
                        "en": (
                            "On top of routine cleaning, a deep clean degreases the outside of the range "
                            "hood and the hob, cleans tile grout, removes limescale from shower screens and "
                            "wipes cabinet doors, switch plates, skirting boards and door frames. It is a "
                            "good choice for a seasonal clean, getting ready for the Spring Festival, or a "
                            "home that has gone a long time without a thorough clean."
                        ),
                    },
                    {
                        "zh": (
                            "两位保洁师同时作业，4小时通常可以完成一套120平方米左右的住宅。"
                            "面积更大或油污较重时，保洁师会在开工前与您确认是否需要续时，不会擅自加价。"
                        ),
                        "en": (
                            "With two cleaners working together, 4 hours usually covers a home of around 120 "
                            "square metres. For larger homes or heavy grease the cleaners will agree any "
                            "extra time with you before they start, and never add charges without asking."
                        ),
                    },
                ],
                "price": "320.00",
                "unit": "visit",
                "duration_minutes": 240,
                "districts": "all",
                "qualifications": ["health_certificate", "housekeeping_cert"],
                "faq": [
                    {
                        "q": {
                            "zh": "深度保洁包括油烟机内部清洗吗？",
                            "en": "Does deep cleaning include the inside of the range hood?",
                        },
                        "a": {
                            "zh": (
                                "不包括。油烟机内部需要拆机清洗，请在“家电维修”分类中预约油烟机深度清洗服务。"
                            ),
                            "en": (
                                "No. Cleaning the inside of a range hood means taking it apart; please book "
                                "the range hood deep cleaning service in the appliance repair category."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "会不会损伤大理石或实木家具？",
                            "en": "Will the products damage marble or solid wood furniture?",
                        },
                        "a": {
                            "zh": (
                                "保洁师对石材和实木使用中性清洁剂，不使用强酸强碱。如有特别贵重的家具，"
                                "请开工前当面说明。"
                            ),
                            "en": (
                                "Cleaners use neutral detergents on stone and solid wood and never use "
                                "strong acids or alkalis. If you have particularly valuable furniture, "
                                "please point it out before work begins."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "post-renovation-cleaning",
                "title": {"zh": "开荒保洁（装修后新房）", "en": "Post-renovation cleaning for new homes"},
                "summary": {
                    "zh": (
                        "新房装修完成后的首次全面保洁，清除水泥点、胶渍、油漆点和装修粉尘，按建筑面积计价。"
                    ),
                    "en": (
                        "The first full clean after a renovation, removing cement splashes, glue, paint "
                        "spots and building dust, priced by floor area."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "开荒保洁由3至4人的小组完成，内容包括铲除地面和窗台的水泥点、"
                            "去除玻璃和门窗上的胶渍与保护膜、清理柜体内外的木屑粉尘、擦洗灯具开关和洁具，"
                            "最后吸尘拖地。"
                        ),
                        "en": (
                            "A team of three or four scrapes cement splashes off floors and window sills, "
                            "removes glue residue and protective film from glass, doors and window frames, "
                            "clears sawdust and dust inside and outside cabinets, wipes light fittings, "
                            "switches and sanitary ware, then vacuums and mops throughout."
                        ),
                    },
                    {
                        "zh": (
                            "价格按房屋建筑面积计算，含工具和清洁剂，起步面积60平方米。"
                            "一套100平方米的住宅通常需要半天左右。请在水电已通、装修垃圾已清运后预约。"
                        ),
                        "en": (
                            "The price is based on the floor area of the property and includes tools and "
                            "detergents, with a minimum charge of 60 square metres. A 100-square-metre home "
                            "usually takes about half a day. Please book once water and power are connected "
                            "and the building rubble has been removed."
                        ),
                    },
                ],
                "price": "8.00",
                "unit": "sqm",
                "duration_minutes": 300,
                "districts": ["370811", "370812", "370881", "370883", "370829", "370828"],
                "qualifications": ["health_certificate", "housekeeping_cert"],
                "faq": [
                    {
                        "q": {
                            "zh": "外窗玻璃的外侧也擦吗？",
                            "en": "Do you clean the outside of external windows?",
                        },
                        "a": {
                            "zh": (
                                "可以安全够到的外侧会一并清洁；需要高空作业的外立面玻璃不在服务范围内，"
                                "保洁师不会探身窗外作业。"
                            ),
                            "en": (
                                "Outer surfaces that can be reached safely are included. Facade glass that "
                                "would require working at height is excluded, and cleaners will never lean "
                                "out of a window to reach it."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "面积怎么确认？", "en": "How is the floor area confirmed?"},
                        "a": {
                            "zh": (
                                "以房产证或购房合同上的建筑面积为准；无法提供的，由领班现场测量后与您确认，"
                                "再开始施工。"
                            ),
                            "en": (
                                "We use the floor area on the property certificate or purchase contract. If "
                                "neither is available, the team leader measures on site and agrees the "
                                "figure with you before work starts."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "装修后多久可以做开荒保洁？",
                            "en": "How soon after the renovation can the cleaning be done?",
                        },
                        "a": {
                            "zh": "建议在所有施工结束、墙面油漆干透之后进行，一般是竣工后3到7天。",
                            "en": (
                                "We recommend waiting until all building work has finished and the paint is "
                                "fully dry, usually three to seven days after completion."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "window-glass-cleaning",
                "title": {"zh": "擦玻璃保洁", "en": "Window and glass cleaning"},
                "summary": {
                    "zh": "清洁室内可安全操作的窗户玻璃、窗框和纱窗，按玻璃面积计价。",
                    "en": (
                        "Cleaning of window glass, frames and fly screens that can be reached safely from "
                        "inside, priced by glass area."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "保洁师使用伸缩刮水器和双面擦窗器，依次清洁玻璃内外侧、窗框滑轨和纱窗，"
                            "并擦干窗台。阳台封窗、推拉门和淋浴玻璃也可以一起清洁。"
                        ),
                        "en": (
                            "Using telescopic squeegees and double-sided magnetic window cleaners, the "
                            "cleaner does the inside and outside of the glass, the frame tracks and the fly "
                            "screens, then dries the sills. Enclosed balcony windows, sliding doors and "
                            "shower screens can be done at the same time."
                        ),
                    },
                    {
                        "zh": (
                            "按玻璃单面面积计价，起步20平方米。出于安全考虑，保洁师不进行任何需要系安全绳或探"
                            "身窗外的高空作业。"
                        ),
                        "en": (
                            "The price is per square metre of glass, measured on one side, with a minimum of "
                            "20 square metres. For safety, cleaners will not do any work that would need a "
                            "safety harness or require leaning out of a window."
                        ),
                    },
                ],
                "price": "6.00",
                "unit": "sqm",
                "duration_minutes": 120,
                "districts": "all",
                "qualifications": ["health_certificate", "housekeeping_cert"],
                "faq": [
                    {
                        "q": {
                            "zh": "纱窗需要拆下来洗吗？",
                            "en": "Do the fly screens need to be taken down?",
                        },
                        "a": {
                            "zh": "可拆卸的纱窗会拆下冲洗后装回；固定式纱窗用软刷和湿布原位清洁。",
                            "en": (
                                "Removable screens are taken down, rinsed and refitted; fixed screens are "
                                "cleaned in place with a soft brush and damp cloth."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "雨天能擦玻璃吗？", "en": "Can windows be cleaned on a rainy day?"},
                        "a": {
                            "zh": "室内侧不受影响；外侧建议改约到晴天，雨天改约免费。",
                            "en": (
                                "The inside is not affected. For the outside we suggest moving to a dry day, "
                                "and rescheduling because of rain is free."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "wood-floor-cleaning-waxing",
                "title": {"zh": "木地板保洁打蜡", "en": "Wood floor cleaning and waxing"},
                "summary": {
                    "zh": "为实木或实木复合地板做深度清洁并打蜡养护，按地板面积计价。",
                    "en": (
                        "Deep cleaning and a protective wax for solid or engineered wood floors, priced by "
                        "floor area."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "保洁师先用专用清洁剂去除地板表面的污渍和旧蜡，待地板干燥后均匀涂布地板蜡，"
                            "再用抛光机打磨出光泽。整个过程不使用大量水，避免地板受潮起拱。"
                        ),
                        "en": (
                            "The cleaner first removes stains and old wax with a dedicated wood cleaner, "
                            "lets the floor dry, applies an even coat of floor wax and then buffs it to a "
                            "sheen with a polishing machine. Very little water is used, so the boards do not "
                            "swell or lift."
                        ),
                    },
                    {
                        "zh": (
                            "打蜡后需要约2小时才能正常踩踏，请提前安排好家人和宠物的活动区域。"
                            "强化复合地板不适合打蜡，下单前请确认地板类型。"
                        ),
                        "en": (
                            "The floor needs about 2 hours before it can be walked on normally, so please "
                            "plan where family members and pets will be in the meantime. Laminate flooring "
                            "should not be waxed, so check your floor type before booking."
                        ),
                    },
                ],
                "price": "10.00",
                "unit": "sqm",
                "duration_minutes": 180,
                "districts": ["370811", "370812", "370881", "370883"],
                "qualifications": ["health_certificate", "housekeeping_cert"],
                "faq": [
                    {
                        "q": {
                            "zh": "多久打一次蜡比较合适？",
                            "en": "How often should a wood floor be waxed?",
                        },
                        "a": {
                            "zh": (
                                "一般家庭每半年到一年一次即可，北方冬季有地暖的家庭可以在供暖季结束后安排一次"
                                "。"
                            ),
                            "en": (
                                "For most households every six to twelve months is enough. Homes with "
                                "underfloor heating often book one after the heating season ends."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "家具需要搬开吗？", "en": "Does the furniture need to be moved?"},
                        "a": {
                            "zh": "保洁师会协助挪动椅子、茶几等轻便家具；衣柜、床等大件家具下方不做处理。",
                            "en": (
                                "The cleaner will help move light pieces such as chairs and coffee tables. "
                                "The floor under wardrobes, beds and other heavy furniture is not treated."
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "appliance-repair",
        "title": {"zh": "家电维修", "en": "Appliance repair"},
        "intro": {
            "zh": (
                "空调、冰箱、洗衣机、油烟机的清洗和维修，由持证师傅上门检测、当面报价。"
                "更换的配件使用原厂或同规格正品，旧件可以交还给您查看。"
            ),
            "en": (
                "Cleaning and repair of air conditioners, fridges, washing machines and range hoods, with a "
                "certified technician diagnosing the fault at your home and quoting face to face. "
                "Replacement parts are original or genuine equivalents, and old parts are handed back for "
                "you to inspect."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "师傅出发前可免费改约或取消；师傅已出发后取消，收取30元上门费。上门检测后您决定不维修的，"
                "只收取页面标示的检测费，不收其他费用。"
            ),
            "en": (
                "You can reschedule or cancel free of charge until the technician sets off. Once the "
                "technician is on the way, cancelling costs a 30-yuan call-out fee. If you decide not to go "
                "ahead after the diagnosis, you pay only the inspection fee shown on the service page and "
                "nothing else."
            ),
        },
        "services": [
            {
                "slug": "air-conditioner-cleaning",
                "title": {"zh": "空调清洗（挂机）", "en": "Air conditioner cleaning, wall-mounted unit"},
                "summary": {
                    "zh": "拆洗滤网、面板，高温蒸汽清洗蒸发器和风轮，去除积尘和异味。",
                    "en": (
                        "Filters and front panel removed and washed, evaporator and fan drum steam-cleaned "
                        "to clear dust and odours."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "师傅断电后拆下面板和滤网冲洗，用接水罩保护墙面，再用高温蒸汽和专用清洗剂清洁蒸发"
                            "器翅片和贯流风轮，最后检查排水管是否通畅并试机。价格为一台挂机，"
                            "柜机请在下单时备注，按柜机价格另计。"
                        ),
                        "en": (
                            "With the power off, the technician removes and rinses the front panel and "
                            "filters, fits a drip cover to protect the wall, then cleans the evaporator fins "
                            "and the cross-flow fan with hot steam and a dedicated cleaner, checks that the "
                            "drain pipe runs freely and tests the unit. The price is for one wall-mounted "
                            "unit; for floor-standing units please add a note and the floor-standing rate "
                            "applies."
                        ),
                    },
                    {
                        "zh": (
                            "济宁夏季闷热，建议每年5月入夏前清洗一次。空调室外机位于需要高空作业的位置时不做"
                            "清洗。"
                        ),
                        "en": (
                            "Jining summers are hot and humid, so we recommend a clean every May before the "
                            "heat arrives. Outdoor units that could only be reached by working at height are "
                            "not cleaned."
                        ),
                    },
                ],
                "price": "80.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": "all",
                "qualifications": ["refrigeration_cert"],
                "faq": [
                    {
                        "q": {
                            "zh": "清洗后多久可以开空调？",
                            "en": "How soon can I use the air conditioner after cleaning?",
                        },
                        "a": {
                            "zh": "师傅会在试机确认正常后离开，清洗完成即可使用。",
                            "en": (
                                "The technician test-runs the unit before leaving, so you can use it "
                                "straight away."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "家里有多台空调可以一起洗吗？",
                            "en": "Can several units be cleaned in one visit?",
                        },
                        "a": {
                            "zh": "可以，下单时选择台数即可，同一地址第二台起每台优惠10元。",
                            "en": (
                                "Yes, just choose the number of units when booking. At the same address, "
                                "every unit after the first is 10 yuan cheaper."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "air-conditioner-repair-refrigerant",
                "title": {"zh": "空调维修加氟", "en": "Air conditioner repair and refrigerant top-up"},
                "summary": {
                    "zh": "针对空调不制冷、制冷差等问题上门检测，查找漏点后补充冷媒。",
                    "en": (
                        "Home diagnosis for an air conditioner that does not cool or cools poorly, with leak "
                        "finding and a refrigerant top-up."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "师傅先测量运行压力和出风温度，判断是缺冷媒、电容损坏还是其他故障。确属缺冷媒的，"
                            "先查找并处理漏点，再按铭牌规定的冷媒型号补充，避免只加氟不修漏。"
                        ),
                        "en": (
                            "The technician first measures operating pressures and outlet air temperature to "
                            "tell whether the cause is low refrigerant, a failed capacitor or something "
                            "else. If refrigerant is low, the leak is found and fixed before topping up with "
                            "the refrigerant type specified on the rating plate, so you are not paying for "
                            "gas that will leak away again."
                        ),
                    },
                    {
                        "zh": (
                            "页面价格包含上门检测和一台挂机的补充冷媒。需要更换电容、电机或管路配件的，"
                            "师傅会先当面报价，您确认后再维修。维修部位保修90天。"
                        ),
                        "en": (
                            "The listed price covers the diagnosis and a refrigerant top-up for one "
                            "wall-mounted unit. If a capacitor, motor or pipe fitting needs replacing, the "
                            "technician quotes in person and only carries out the repair once you agree. "
                            "Repaired parts carry a 90-day warranty."
                        ),
                    },
                ],
                "price": "180.00",
                "unit": "visit",
                "duration_minutes": 90,
                "districts": "all",
                "qualifications": ["refrigeration_cert", "electrician_licence"],
                "faq": [
                    {
                        "q": {
                            "zh": "空调每年都需要加氟吗？",
                            "en": "Does an air conditioner need a refrigerant top-up every year?",
                        },
                        "a": {
                            "zh": (
                                "不需要。空调制冷系统是密闭的，正常情况下冷媒不会消耗，"
                                "需要加氟通常说明有泄漏，应先修漏。"
                            ),
                            "en": (
                                "No. The refrigerant circuit is sealed and does not use up gas in normal "
                                "operation. Needing a top-up usually means there is a leak, which should be "
                                "repaired first."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "检测后不修要付费吗？",
                            "en": "Do I pay if I decide not to repair after the diagnosis?",
                        },
                        "a": {
                            "zh": "只收取30元检测费，不收取其他费用。",
                            "en": "You pay only the 30-yuan inspection fee and nothing more.",
                        },
                    },
                ],
            },
            {
                "slug": "fridge-repair",
                "title": {
                    "zh": "冰箱维修（不制冷、结霜、异响）",
                    "en": "Fridge repair for cooling, frost and noise problems",
                },
                "summary": {
                    "zh": "冰箱、冰柜不制冷、冷藏室结霜、压缩机异响等故障的上门检测与维修。",
                    "en": (
                        "Home diagnosis and repair for fridges and freezers that do not cool, build up frost "
                        "in the fridge compartment or make unusual compressor noises."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "常见故障包括温控器或传感器失灵、化霜加热丝损坏、风扇电机故障和制冷系统泄漏。"
                            "师傅上门后先断电检查，判断故障部位并告知维修方案和费用。"
                        ),
                        "en": (
                            "Common faults include a failed thermostat or sensor, a broken defrost heater, a "
                            "faulty fan motor and a leak in the cooling circuit. The technician inspects the "
                            "fridge with the power off, identifies the faulty part and explains the repair "
                            "and its cost."
                        ),
                    },
                    {
                        "zh": (
                            "页面价格为上门检测费，维修费和配件费现场报价、确认后施工，"
                            "确认维修的检测费从维修费中抵扣。维修期间请提前准备保温箱或转移冷冻食品。"
                        ),
                        "en": (
                            "The listed price is the inspection fee. Labour and parts are quoted on site and "
                            "work starts only after you approve, in which case the inspection fee is "
                            "deducted from the repair bill. Please have a cool box ready or move frozen food "
                            "elsewhere during the repair."
                        ),
                    },
                ],
                "price": "30.00",
                "unit": "visit",
                "duration_minutes": 90,
                "districts": "all",
                "qualifications": ["refrigeration_cert", "electrician_licence"],
                "faq": [
                    {
                        "q": {"zh": "维修后有保修吗？", "en": "Is the repair guaranteed?"},
                        "a": {
                            "zh": "更换的配件和维修部位保修90天，保修期内同一故障免费返修。",
                            "en": (
                                "Replaced parts and the repaired fault are covered for 90 days, and the same "
                                "fault is fixed free of charge within that period."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "老冰箱还值得修吗？", "en": "Is an old fridge worth repairing?"},
                        "a": {
                            "zh": (
                                "使用超过12年、需要更换压缩机的冰箱，师傅通常会建议您比较维修费与换新的成本后"
                                "再决定。"
                            ),
                            "en": (
                                "For fridges over about 12 years old that need a new compressor, the "
                                "technician will usually suggest comparing the repair cost with a "
                                "replacement before you decide."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "washing-machine-cleaning",
                "title": {"zh": "洗衣机拆洗除菌", "en": "Washing machine strip-down cleaning"},
                "summary": {
                    "zh": "拆开洗衣机清洗内桶外壁的污垢和霉斑，解决衣物有异味、有黑色絮状物的问题。",
                    "en": (
                        "The machine is opened up to clean grime and mould from the outside of the inner "
                        "drum, curing musty laundry and black flakes on clothes."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "洗衣机内桶与外桶之间长期潮湿，容易积累洗涤剂残留和霉菌。师傅会拆下内桶，"
                            "用高压水枪和除菌清洗剂彻底清洁，同时清理排水泵过滤器和进水口滤网。"
                        ),
                        "en": (
                            "The gap between the inner and outer drums stays damp and collects detergent "
                            "residue and mould. The technician removes the inner drum, cleans it thoroughly "
                            "with a pressure washer and an antibacterial cleaner, and clears the drain pump "
                            "filter and the inlet mesh."
                        ),
                    },
                    {
                        "zh": (
                            "适用于波轮和滚筒洗衣机，洗烘一体机同样可以清洗。装回后会空转试机，确认无漏水、"
                            "无异响。"
                        ),
                        "en": (
                            "Both top-loading and front-loading machines can be cleaned, including "
                            "washer-dryers. After reassembly the machine is test-run empty to check for "
                            "leaks or unusual noises."
                        ),
                    },
                ],
                "price": "120.00",
                "unit": "visit",
                "duration_minutes": 120,
                "districts": "all",
                "qualifications": ["electrician_licence"],
                "faq": [
                    {
                        "q": {
                            "zh": "多久拆洗一次合适？",
                            "en": "How often should a washing machine be cleaned like this?",
                        },
                        "a": {
                            "zh": "一般建议一到两年一次；家中有婴幼儿或过敏体质成员的，可以每年一次。",
                            "en": (
                                "Every one to two years is usually enough; once a year if there are babies "
                                "or family members with allergies at home."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "会影响洗衣机保修吗？",
                            "en": "Will this affect the manufacturer's warranty?",
                        },
                        "a": {
                            "zh": (
                                "仍在厂家保修期内的洗衣机，建议先联系厂家售后；如您仍选择由我们清洗，"
                                "因清洗导致的问题由平台负责处理。"
                            ),
                            "en": (
                                "If your machine is still under the manufacturer's warranty, we suggest "
                                "contacting the manufacturer first. If you still choose our service, the "
                                "platform takes responsibility for any problem caused by the cleaning."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "range-hood-deep-cleaning",
                "title": {"zh": "油烟机深度清洗", "en": "Range hood deep cleaning"},
                "summary": {
                    "zh": "拆洗油烟机风轮、油网和集油盒，恢复吸力、减少噪音。",
                    "en": (
                        "Fan wheel, grease filters and oil cup removed and degreased to restore suction and "
                        "reduce noise."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "鲁菜讲究爆炒，厨房油烟重，油烟机风轮积油后吸力明显下降。"
                            "师傅会断电拆下风轮和油网，用热水和食品级除油剂浸泡清洗，同时擦净外壳和面板。"
                        ),
                        "en": (
                            "Shandong cooking relies on fierce stir-frying, and once grease builds up on the "
                            "fan wheel a range hood loses much of its suction. The technician switches off "
                            "the power, removes the fan wheel and filters, soaks and scrubs them in hot "
                            "water with a food-safe degreaser, and wipes down the casing and control panel."
                        ),
                    },
                    {
                        "zh": (
                            "适用于欧式、侧吸式和中式油烟机。清洗时会在灶台铺设保护垫，完工后清理现场并试机。"
                        ),
                        "en": (
                            "European-style, side-draught and traditional Chinese-style hoods are all "
                            "covered. The hob is protected with a mat during the work, and the technician "
                            "tidies up and test-runs the hood at the end."
                        ),
                    },
                ],
                "price": "150.00",
                "unit": "visit",
                "duration_minutes": 90,
                "districts": "all",
                "qualifications": ["electrician_licence"],
                "faq": [
                    {
                        "q": {
                            "zh": "清洗会不会刮花外壳？",
                            "en": "Will cleaning scratch the stainless steel casing?",
                        },
                        "a": {
                            "zh": "外壳使用软布和中性清洁剂，不使用钢丝球，不会刮花。",
                            "en": (
                                "The casing is cleaned with soft cloths and a neutral cleaner, never with "
                                "steel wool, so it will not be scratched."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "燃气灶可以一起清洗吗？",
                            "en": "Can the gas hob be cleaned at the same time?",
                        },
                        "a": {
                            "zh": (
                                "可以清洁灶台表面和炉头，燃气管路和阀门不在服务范围内，"
                                "如有漏气请联系燃气公司。"
                            ),
                            "en": (
                                "The hob surface and burner heads can be cleaned, but gas pipes and valves "
                                "are outside the service. If you suspect a gas leak, contact your gas "
                                "supplier."
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "home-repair",
        "title": {"zh": "居家维修", "en": "Home repair"},
        "intro": {
            "zh": (
                "水管漏水、电路跳闸、门锁更换、家具安装和墙面修补，小修小补也能放心交给专业师傅。"
                "师傅上门后先查看、再报价，材料费单独列明。"
            ),
            "en": (
                "Leaking pipes, tripping circuits, new door locks, flat-pack furniture and patched walls: "
                "even small jobs can be left to a professional. The technician looks first, then quotes, "
                "with materials itemised separately."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "师傅出发前可免费改约或取消；师傅已出发后取消，收取30元上门费。遇到漏水、断电等紧急情况，"
                "可选择加急上门，加急订单一经派单不可免费取消。"
            ),
            "en": (
                "You can reschedule or cancel free of charge until the technician sets off; after that a "
                "30-yuan call-out fee applies. For emergencies such as a burst pipe or a power failure you "
                "can choose an urgent visit, and urgent orders cannot be cancelled free of charge once a "
                "technician has been assigned."
            ),
        },
        "services": [
            {
                "slug": "plumbing-leak-repair",
                "title": {"zh": "水管漏水维修", "en": "Leaking pipe and tap repair"},
                "summary": {
                    "zh": "处理水龙头滴水、角阀漏水、下水管堵塞和水管接头渗漏等常见问题。",
                    "en": (
                        "Fixes dripping taps, leaking angle valves, blocked drains and weeping pipe joints."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "师傅会先关闭总阀，确认漏点位置后更换密封圈、角阀、软管或接头。"
                            "暗管漏水需要开槽检修的，会先用检测仪器定位，并与您确认开槽范围和恢复方式。"
                        ),
                        "en": (
                            "The technician shuts off the mains, locates the leak and replaces the washer, "
                            "angle valve, hose or fitting. If a concealed pipe is leaking and the wall or "
                            "floor has to be opened, the leak is first pinpointed with detection equipment "
                            "and the extent of the opening and how it will be made good are agreed with you."
                        ),
                    },
                    {
                        "zh": (
                            "页面价格为上门费和一处常规维修的人工费，材料按实际使用收费并当面出示。"
                            "维修部位保修90天。"
                        ),
                        "en": (
                            "The listed price covers the call-out and labour for one routine repair. "
                            "Materials are charged at cost as used and shown to you on the spot. The repair "
                            "is guaranteed for 90 days."
                        ),
                    },
                ],
                "price": "80.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": "all",
                "qualifications": [],
                "faq": [
                    {
                        "q": {
                            "zh": "楼下反映我家漏水怎么办？",
                            "en": "The flat below says water is coming from my home. What should I do?",
                        },
                        "a": {
                            "zh": (
                                "请先关闭自家总水阀，再预约加急上门。师傅会检查卫生间、厨房和暖气管路，"
                                "帮助判断漏水来源。"
                            ),
                            "en": (
                                "Close your main water valve first, then book an urgent visit. The "
                                "technician will check the bathroom, kitchen and heating pipes to help find "
                                "the source."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "可以自己买配件吗？", "en": "Can I buy the parts myself?"},
                        "a": {
                            "zh": "可以。使用您自备配件时只收人工费，但配件本身的质量问题不在保修范围内。",
                            "en": (
                                "Yes. If you supply the parts we charge labour only, but faults in the parts "
                                "themselves are not covered by our warranty."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "electrical-circuit-repair",
                "title": {
                    "zh": "电路检修与插座开关更换",
                    "en": "Electrical fault finding and socket replacement",
                },
                "summary": {
                    "zh": "由持证电工排查跳闸、断电和接触不良，更换插座、开关和漏电保护器。",
                    "en": (
                        "A licensed electrician traces trips, dead circuits and loose connections, and "
                        "replaces sockets, switches and residual-current breakers."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "电工会用万用表和绝缘测试仪逐路检查，找出频繁跳闸或断电的原因，常见的有电器漏电、"
                            "线路老化和插座过载。所有作业均在断电并验电后进行。"
                        ),
                        "en": (
                            "The electrician checks each circuit with a multimeter and insulation tester to "
                            "find why it keeps tripping or has gone dead. Common causes are leaking "
                            "appliances, ageing wiring and overloaded sockets. All work is done with the "
                            "power isolated and tested dead."
                        ),
                    },
                    {
                        "zh": (
                            "页面价格包含上门检测和更换不超过3个插座或开关的人工费。"
                            "整屋线路改造属于装修工程，不在本服务范围内，师傅可以提供检查结论供您参考。"
                        ),
                        "en": (
                            "The listed price covers the diagnosis and labour for replacing up to three "
                            "sockets or switches. Rewiring a whole home is renovation work and falls outside "
                            "this service, though the electrician can give you a written assessment."
                        ),
                    },
                ],
                "price": "80.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": "all",
                "qualifications": ["electrician_licence"],
                "faq": [
                    {
                        "q": {
                            "zh": "老小区的铝线可以处理吗？",
                            "en": "Can you deal with aluminium wiring in older buildings?",
                        },
                        "a": {
                            "zh": (
                                "可以检查铝线接头的氧化和发热情况并做局部处理，如需整体更换线路，"
                                "建议另行安排改造。"
                            ),
                            "en": (
                                "The electrician can check aluminium joints for oxidation and overheating "
                                "and make local repairs. If the wiring needs replacing throughout, a "
                                "separate renovation should be arranged."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "电工的证书可以查验吗？", "en": "Can I check the electrician's licence?"},
                        "a": {
                            "zh": "可以。低压电工作业证信息显示在服务人员资料页，上门时也可以要求出示原件。",
                            "en": (
                                "Yes. The low-voltage electrician certificate is shown on the provider's "
                                "profile, and you can ask to see the original when they arrive."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "smart-lock-installation",
                "title": {
                    "zh": "门锁更换与智能锁安装",
                    "en": "Door lock replacement and smart lock installation",
                },
                "summary": {
                    "zh": "更换入户门锁芯或安装您购买的智能门锁，需核验房屋住户身份。",
                    "en": (
                        "Replacing the cylinder of your front door lock or fitting a smart lock you have "
                        "bought, after verifying that you live at the address."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "师傅会先测量门的厚度、锁体尺寸和开门方向，确认与新锁匹配后再拆装。"
                            "智能锁安装完成后，会协助您录入指纹和密码，并演示应急钥匙和低电量提醒的使用方法。"
                        ),
                        "en": (
                            "The technician first measures the door thickness, lock body size and opening "
                            "direction and confirms the new lock fits before any dismantling. Once a smart "
                            "lock is fitted they help you register fingerprints and codes and show you how "
                            "the emergency key and low-battery warning work."
                        ),
                    },
                    {
                        "zh": (
                            "为保障安全，上门时需出示身份证，并与房产证、租房合同或物业登记信息核对。"
                            "本服务不提供开锁，如被锁在门外，请联系经公安机关备案的开锁服务。"
                        ),
                        "en": (
                            "For security you will need to show your ID card, which is checked against the "
                            "property certificate, tenancy agreement or property management records. This "
                            "service does not include lock opening; if you are locked out, please use a "
                            "locksmith registered with the public security authorities."
                        ),
                    },
                ],
                "price": "120.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": ["370811", "370812", "370881", "370883", "370829", "370828", "370830"],
                "qualifications": [],
                "faq": [
                    {
                        "q": {"zh": "原来的门需要开孔改造吗？", "en": "Will the door need new holes cut?"},
                        "a": {
                            "zh": "多数国标防盗门可以直接安装。如需扩孔，师傅会先说明并征得您同意。",
                            "en": (
                                "Most standard security doors take a smart lock without changes. If any hole "
                                "needs enlarging, the technician will explain why and ask first."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "旧锁芯怎么处理？", "en": "What happens to the old cylinder?"},
                        "a": {
                            "zh": "旧锁芯和全部旧钥匙当面交还给您，师傅不会带走。",
                            "en": (
                                "The old cylinder and all old keys are handed back to you; the technician "
                                "never takes them away."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "furniture-assembly",
                "title": {"zh": "家具安装", "en": "Furniture assembly"},
                "summary": {
                    "zh": "组装床、衣柜、书柜、餐桌等板式或实木家具，并可安装窗帘杆和置物架。",
                    "en": (
                        "Assembly of beds, wardrobes, bookcases, dining tables and other flat-pack or solid "
                        "wood furniture, plus curtain rails and wall shelves."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "师傅按说明书组装，检查五金件是否齐全，调平柜门和抽屉。"
                            "高度超过1.8米的柜子会按要求加装防倾倒固定件，家中有儿童时尤其重要。"
                        ),
                        "en": (
                            "The technician assembles the furniture to the manufacturer's instructions, "
                            "checks all fittings are present and aligns doors and drawers. Units taller than "
                            "1.8 metres are secured to the wall with anti-tip fixings, which matters "
                            "especially in homes with children."
                        ),
                    },
                    {
                        "zh": (
                            "价格按一次上门计，含2小时内的安装工作，超时按每小时50元计。"
                            "包装垃圾可以帮您打包整理，需要运走时请提前备注。"
                        ),
                        "en": (
                            "The price is per visit and includes up to 2 hours of assembly; beyond that it "
                            "is 50 yuan an hour. Packaging can be bundled up for you, and if you want it "
                            "taken away please note this in advance."
                        ),
                    },
                ],
                "price": "100.00",
                "unit": "visit",
                "duration_minutes": 120,
                "districts": "all",
                "qualifications": [],
                "faq": [
                    {
                        "q": {
                            "zh": "墙面打孔需要另外收费吗？",
                            "en": "Is drilling into walls charged extra?",
                        },
                        "a": {
                            "zh": "安装所需的打孔包含在服务内。打孔前师傅会用探测仪避开暗埋水管和电线。",
                            "en": (
                                "Drilling needed for the installation is included. Before drilling, the "
                                "technician uses a detector to avoid hidden pipes and cables."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "缺少配件怎么办？", "en": "What if parts are missing?"},
                        "a": {
                            "zh": (
                                "师傅会记录缺少的配件，您可以联系商家补发，补齐后再次上门安装只收一半上门费。"
                            ),
                            "en": (
                                "The technician lists what is missing so you can ask the seller for "
                                "replacements. A return visit to finish the job costs half the normal "
                                "call-out fee."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "wall-repair-repainting",
                "title": {"zh": "墙面修补与局部刷新", "en": "Wall patching and repainting"},
                "summary": {
                    "zh": "修补墙面裂缝、钉孔、霉斑和脱皮，并局部刷涂乳胶漆，按施工面积计价。",
                    "en": (
                        "Repairs cracks, nail holes, mould patches and peeling paint and repaints the area "
                        "in emulsion, priced by area."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "施工流程包括铲除起皮层、批刮腻子、打磨找平、涂刷底漆和两遍面漆。"
                            "霉斑墙面会先做防霉处理，查明渗水原因后再施工。"
                        ),
                        "en": (
                            "The work involves scraping off loose paint, applying filler, sanding smooth, "
                            "then a primer and two top coats. Mouldy walls are treated with an anti-mould "
                            "solution first, and any damp is traced to its cause before painting."
                        ),
                    },
                    {
                        "zh": (
                            "价格按实际施工面积计，含腻子和环保乳胶漆，起步面积10平方米。"
                            "腻子和油漆需要干燥时间，较大面积一般分两次上门完成。"
                        ),
                        "en": (
                            "The price is per square metre actually treated and includes filler and low-VOC "
                            "emulsion paint, with a minimum of 10 square metres. Filler and paint need time "
                            "to dry, so larger areas are usually finished over two visits."
                        ),
                    },
                ],
                "price": "30.00",
                "unit": "sqm",
                "duration_minutes": 240,
                "districts": ["370811", "370812", "370881", "370883", "370831", "370830", "370832"],
                "qualifications": [],
                "faq": [
                    {
                        "q": {
                            "zh": "新刷的颜色会和原来的墙面有色差吗？",
                            "en": "Will the new paint match the old wall?",
                        },
                        "a": {
                            "zh": (
                                "师傅会现场调色尽量接近原色，但旧墙面已经泛黄的，建议整面墙刷新以避免色差。"
                            ),
                            "en": (
                                "The technician tints the paint on site to match as closely as possible, but "
                                "if the old wall has yellowed we suggest repainting the whole wall to avoid "
                                "a visible patch."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "施工有异味吗？", "en": "Is there a strong smell?"},
                        "a": {
                            "zh": "使用低VOC环保乳胶漆，异味较小，建议施工后开窗通风一天。",
                            "en": (
                                "We use low-VOC paint, so the smell is mild. We recommend airing the room "
                                "with the windows open for a day afterwards."
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "elderly-care",
        "title": {"zh": "养老护理", "en": "Elderly care"},
        "intro": {
            "zh": (
                "为居家养老的老人提供陪护、助浴、陪诊和住家护理，服务人员均持有养老护理员证。首次服务前，"
                "护理员会上门或电话了解老人的身体状况、用药和生活习惯，制定照护要点。"
            ),
            "en": (
                "Companionship, bathing assistance, hospital escorts and live-in care for older people "
                "living at home, provided by certified elderly care workers. Before the first visit, the "
                "carer learns about the person's health, medication and daily routine in person or by phone "
                "and agrees a care plan with the family."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "按小时服务可在开始前4小时免费改约或取消，4小时内取消收取1小时服务费。"
                "住家护理需提前24小时通知取消或更换护理员；老人突发住院等情况，凭就诊记录免收取消费用。"
            ),
            "en": (
                "Hourly visits can be rescheduled or cancelled free of charge up to 4 hours before the "
                "start; later cancellations are charged one hour. Live-in care needs 24 hours' notice to "
                "cancel or change carer. If the older person is suddenly admitted to hospital, no "
                "cancellation fee is charged on presentation of the hospital record."
            ),
        },
        "services": [
            {
                "slug": "elderly-companion-care-hourly",
                "title": {
                    "zh": "居家养老陪护（按小时）",
                    "en": "Home companionship care for older people, hourly",
                },
                "summary": {
                    "zh": "护理员按小时上门，陪伴老人聊天散步，协助做饭、服药提醒和简单家务。",
                    "en": (
                        "An elderly care worker visits by the hour to keep an older person company, go for "
                        "walks, help with meals, remind them to take medication and do light housework."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "适合子女白天上班、老人基本能自理但需要有人照看的家庭。"
                            "护理员会协助准备清淡可口的饭菜，提醒按时服药，陪老人下楼散步、读报聊天，"
                            "并留意精神和饮食变化。"
                        ),
                        "en": (
                            "This suits families where the children work during the day and the older person "
                            "manages mostly on their own but should not be alone for long. The carer helps "
                            "prepare light, tasty meals, gives medication reminders, takes them for a walk, "
                            "reads the paper or chats with them, and keeps an eye on mood and appetite."
                        ),
                    },
                    {
                        "zh": (
                            "每次服务结束后，护理员会在订单中记录当天的饮食、服药和精神状况，"
                            "家属可以在手机上查看。最少预约2小时。"
                        ),
                        "en": (
                            "After each visit the carer records meals, medication and general wellbeing in "
                            "the order, which family members can read on their phones. The minimum booking "
                            "is 2 hours."
                        ),
                    },
                ],
                "price": "45.00",
                "unit": "hour",
                "duration_minutes": 120,
                "districts": "all",
                "qualifications": ["elderly_care_worker", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "护理员可以帮老人分药吗？", "en": "Can the carer sort out medication?"},
                        "a": {
                            "zh": (
                                "护理员可以按医嘱和家属分好的药盒提醒服药，但不负责调整药量，"
                                "也不进行注射等医疗操作。"
                            ),
                            "en": (
                                "The carer can give reminders from a pill organiser prepared by the family "
                                "according to the doctor's instructions, but does not change doses or carry "
                                "out medical procedures such as injections."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "护理员会说济宁话吗？", "en": "Do carers speak the local dialect?"},
                        "a": {
                            "zh": "大多数护理员是济宁本地人，能用方言和老人交流。如有需要，下单时可以备注。",
                            "en": (
                                "Most carers are from Jining and can chat with older people in the local "
                                "dialect. If this matters, just add a note when booking."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "elderly-bathing-assistance",
                "title": {"zh": "老人助浴护理", "en": "Bathing assistance for older people"},
                "summary": {
                    "zh": "两位护理员上门协助老人安全洗澡，含洗头、擦身、修剪指甲和更换衣物。",
                    "en": (
                        "Two care workers help an older person bathe safely at home, including hair washing, "
                        "drying, nail trimming and changing clothes."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "洗澡是居家老人最容易跌倒的环节之一。护理员会先测量血压和体温，"
                            "确认身体状况适合洗浴，再铺设防滑垫、调好水温，全程由两人配合搀扶，"
                            "保护老人的隐私和尊严。"
                        ),
                        "en": (
                            "Bathing is one of the moments when older people living at home are most likely "
                            "to fall. The carers first check blood pressure and temperature to make sure "
                            "bathing is safe that day, then lay non-slip mats and set the water temperature. "
                            "Two carers support the person throughout, with care for their privacy and "
                            "dignity."
                        ),
                    },
                    {
                        "zh": (
                            "卧床或行动不便的老人，可以选择床上擦浴，护理员自带折叠式洗浴设备。"
                            "洗浴后会检查皮肤有无压红、破损，并告知家属。"
                        ),
                        "en": (
                            "For people who are bedbound or have limited mobility, a bed bath can be chosen "
                            "and the carers bring a portable folding bath. Afterwards they check the skin "
                            "for redness or broken areas and tell the family what they saw."
                        ),
                    },
                ],
                "price": "160.00",
                "unit": "visit",
                "duration_minutes": 90,
                "districts": ["370811", "370812", "370881", "370883", "370830", "370831"],
                "qualifications": ["elderly_care_worker", "health_certificate"],
                "faq": [
                    {
                        "q": {
                            "zh": "血压偏高还能洗澡吗？",
                            "en": "Can someone with high blood pressure still bathe?",
                        },
                        "a": {
                            "zh": (
                                "如测量结果超出医生建议的范围，护理员会改为擦浴或改期，并建议家属咨询医生，"
                                "本次不收取助浴费用。"
                            ),
                            "en": (
                                "If readings are outside the range the doctor has advised, the carers switch "
                                "to a sponge bath or reschedule and suggest the family consult the doctor. "
                                "No bathing fee is charged for that visit."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "需要家属在场吗？", "en": "Does a family member need to be present?"},
                        "a": {
                            "zh": "首次服务建议家属在场，便于了解老人的习惯和注意事项。",
                            "en": (
                                "For the first visit we recommend a family member is there, so the carers "
                                "can learn the person's habits and any special needs."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "hospital-escort-care",
                "title": {"zh": "老人陪诊护理", "en": "Hospital escort care for older people"},
                "summary": {
                    "zh": (
                        "护理员陪同老人到医院就诊，负责挂号取号、排队缴费、取药和接送，就诊结果及时告知家属。"
                    ),
                    "en": (
                        "A care worker accompanies an older person to hospital, handling registration, "
                        "queues, payments, collecting medicine and the journey there and back, and keeps the "
                        "family informed of the results."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "济宁市区和各县市的大医院人多、流程复杂，老人独自就诊很不方便。"
                            "陪诊护理员会提前了解就诊科室和需要带的病历，当天从家中接老人出发，全程陪同检查、"
                            "就诊、缴费和取药。"
                        ),
                        "en": (
                            "The big hospitals in central Jining and the county towns are busy and their "
                            "procedures are complicated for an older person alone. The escort finds out in "
                            "advance which department to visit and which records to bring, collects the "
                            "person from home on the day and stays with them through tests, consultation, "
                            "payment and the pharmacy."
                        ),
                    },
                    {
                        "zh": (
                            "陪诊护理员不替代医生作出判断，也不代替家属签署知情同意书。就诊过程中，"
                            "护理员会记录医生的嘱咐，结束后通过订单发送给家属。"
                        ),
                        "en": (
                            "The escort never stands in for the doctor's judgement and does not sign consent "
                            "forms on the family's behalf. They note down what the doctor says and send it "
                            "to the family through the order afterwards."
                        ),
                    },
                ],
                "price": "150.00",
                "unit": "visit",
                "duration_minutes": 240,
                "districts": "all",
                "qualifications": ["elderly_care_worker"],
                "faq": [
                    {
                        "q": {"zh": "交通费怎么算？", "en": "Who pays for transport?"},
                        "a": {
                            "zh": "往返打车或公交费用由家属承担，护理员会保留票据，可通过平台报销给护理员。",
                            "en": (
                                "Taxi or bus fares for the journey are paid by the family. The carer keeps "
                                "the receipts and is reimbursed through the platform."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "超过4小时怎么办？",
                            "en": "What if the visit takes longer than 4 hours?",
                        },
                        "a": {
                            "zh": "超出部分按每小时35元计算，护理员会在超时前通知家属。",
                            "en": (
                                "Extra time is charged at 35 yuan an hour, and the carer lets the family "
                                "know before the 4 hours are up."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "live-in-elderly-care-24h",
                "title": {"zh": "24小时住家养老护理", "en": "24-hour live-in elderly care"},
                "summary": {
                    "zh": "护理员住在家中，全天照顾老人的饮食起居，适合失能、半失能或术后恢复期的老人。",
                    "en": (
                        "A care worker lives in and looks after all of an older person's daily needs, suited "
                        "to people who are fully or partly dependent or recovering from surgery."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "服务内容包括协助进食、如厕、翻身、洗漱和穿衣，夜间照看，保持居室清洁，"
                            "以及陪同康复锻炼。护理员每天休息时间不少于8小时，家中需提供独立的床位。"
                        ),
                        "en": (
                            "Care covers help with eating, toileting, turning in bed, washing and dressing, "
                            "watching over the person at night, keeping their room clean and supporting "
                            "rehabilitation exercises. Carers must have at least 8 hours of rest a day, and "
                            "the family needs to provide a separate bed for them."
                        ),
                    },
                    {
                        "zh": (
                            "价格按天计，每月4天休息日由平台安排替班护理员。开始服务前，"
                            "护理主管会上门评估老人的自理能力，评估结果决定是否需要两人护理或医疗护理支持。"
                        ),
                        "en": (
                            "The price is per day, and the platform sends a relief carer for the four rest "
                            "days each month. Before care starts a care supervisor visits to assess how "
                            "independent the person is, which decides whether two carers or support from a "
                            "nurse are needed."
                        ),
                    },
                ],
                "price": "280.00",
                "unit": "visit",
                "duration_minutes": 1440,
                "districts": ["370811", "370812", "370881", "370883", "370828", "370829", "370832"],
                "qualifications": ["elderly_care_worker", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "可以先试用几天吗？", "en": "Can we start with a trial period?"},
                        "a": {
                            "zh": "可以，首次预约可选3天试用期，试用期内不满意可免费更换护理员。",
                            "en": (
                                "Yes. The first booking can be a 3-day trial, and if you are not satisfied "
                                "you can change carer free of charge during that time."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "护理员的饭菜怎么安排？", "en": "How are the carer's meals arranged?"},
                        "a": {
                            "zh": "一般与老人同吃家中的饭菜，也可以约定每天50元餐补，由家属直接支付。",
                            "en": (
                                "Usually the carer eats the same home-cooked meals as the older person; "
                                "alternatively you can agree a meal allowance of 50 yuan a day paid directly "
                                "by the family."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "护理员可以处理鼻饲、导尿管吗？",
                            "en": "Can the carer manage tube feeding or a urinary catheter?",
                        },
                        "a": {
                            "zh": (
                                "护理员可以按护士的指导协助日常观察和清洁，但更换导尿管、"
                                "胃管等操作须由持证护士完成，可在“医疗护理”分类中预约。"
                            ),
                            "en": (
                                "The carer can help with daily observation and cleaning under a nurse's "
                                "guidance, but changing a urinary catheter or feeding tube must be done by a "
                                "licensed nurse, which you can book in the home nursing category."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "dependent-elderly-home-nursing-care",
                "title": {"zh": "失能老人居家护理", "en": "Home care for dependent older people"},
                "summary": {
                    "zh": "为卧床或行动困难的老人提供翻身拍背、喂食、清洁和预防压疮的专业照护，按小时计费。",
                    "en": (
                        "Skilled hourly care for bedbound or immobile older people, including turning and "
                        "back patting, feeding, personal hygiene and pressure sore prevention."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "护理员接受过失能照护专项培训，掌握正确的翻身、移位和喂食方法，会定时检查骶尾部、"
                            "足跟等易受压部位，并协助做肢体被动活动，减少关节僵硬。"
                        ),
                        "en": (
                            "Carers have specialist training in caring for dependent people and know the "
                            "correct ways to turn, transfer and feed them. They check pressure points such "
                            "as the lower back and heels at regular intervals and help with passive limb "
                            "exercises to reduce joint stiffness."
                        ),
                    },
                    {
                        "zh": (
                            "可与家属或住家护理员轮换，例如每天上午3小时，让家属有时间休息和处理事务。"
                            "每次服务记录翻身时间和皮肤情况，发现异常及时建议就医。"
                        ),
                        "en": (
                            "This can be combined with family carers or a live-in carer, for example three "
                            "hours every morning, so relatives have time to rest and take care of their own "
                            "affairs. Each visit records turning times and skin condition, and the carer "
                            "advises medical attention promptly if anything looks wrong."
                        ),
                    },
                ],
                "price": "55.00",
                "unit": "hour",
                "duration_minutes": 180,
                "districts": "all",
                "qualifications": ["elderly_care_worker", "health_certificate"],
                "faq": [
                    {
                        "q": {
                            "zh": "可以使用长期护理保险吗？",
                            "en": "Can long-term care insurance be used?",
                        },
                        "a": {
                            "zh": (
                                "长期护理保险的待遇需经医保部门评估认定，并由定点机构提供服务。"
                                "请先向当地医保经办机构咨询，我们可以协助您准备材料。"
                            ),
                            "en": (
                                "Long-term care insurance benefits depend on an assessment by the medical "
                                "insurance authorities and must be delivered by designated providers. Please "
                                "check with your local medical insurance office first; we can help you "
                                "prepare the paperwork."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "已经有压疮了怎么办？",
                            "en": "What if a pressure sore has already developed?",
                        },
                        "a": {
                            "zh": (
                                "已经破溃的压疮需要持证护士换药处理，请同时预约“伤口换药护理”服务，"
                                "护理员负责日常减压和观察。"
                            ),
                            "en": (
                                "An open pressure sore needs dressing by a licensed nurse, so please also "
                                "book the wound dressing service; the carer then handles daily pressure "
                                "relief and observation."
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "nursing",
        "title": {"zh": "医疗护理", "en": "Home nursing"},
        "intro": {
            "zh": (
                "由持有护士执业证书的护士上门完成打针、换药、导管维护等护理操作，"
                "减少老人和术后患者往返医院的奔波。所有操作均需提供医生处方或医嘱，护士会在上门前审核。"
            ),
            "en": (
                "Registered nurses come to your home for injections, wound dressings, catheter and line care "
                "and other nursing procedures, sparing older people and post-operative patients repeated "
                "trips to hospital. Every procedure requires a doctor's prescription or written orders, "
                "which the nurse reviews before the visit."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "服务开始前2小时以上可免费改约或取消，2小时内取消收取30元。护士审核处方或评估病情后认为不适合"
                "居家操作的，订单全额退款，并会建议您前往医院处理。"
            ),
            "en": (
                "You can reschedule or cancel free of charge up to 2 hours before the start; later "
                "cancellations cost 30 yuan. If, after reviewing the prescription or assessing the patient, "
                "the nurse decides the procedure is not safe to do at home, the order is refunded in full "
                "and you will be advised to go to hospital."
            ),
        },
        "services": [
            {
                "slug": "home-injection",
                "title": {"zh": "上门打针（凭处方）", "en": "Injections at home with a prescription"},
                "summary": {
                    "zh": "护士凭医生处方上门进行肌肉注射或皮下注射，如胰岛素、低分子肝素等。",
                    "en": (
                        "A nurse gives intramuscular or subcutaneous injections at home on a doctor's "
                        "prescription, for example insulin or low-molecular-weight heparin."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "下单时请上传医生处方和药品照片，药品由患者自行从医院或药店购买。"
                            "护士上门后会核对患者身份、药名、剂量和有效期，严格执行无菌操作，"
                            "注射后观察15分钟。"
                        ),
                        "en": (
                            "When booking, upload the doctor's prescription and a photo of the medicine, "
                            "which the patient buys from a hospital or pharmacy. At the visit the nurse "
                            "checks the patient's identity and the drug name, dose and expiry date, uses "
                            "strict aseptic technique and stays for 15 minutes of observation after the "
                            "injection."
                        ),
                    },
                    {
                        "zh": (
                            "为了安全，首次使用的药品、需要皮试的药品以及静脉输液不在上门服务范围内，"
                            "请在医院完成首剂。使用过的针头放入锐器盒由护士带走处理。"
                        ),
                        "en": (
                            "For safety, a first dose of any medicine, drugs that require a skin test and "
                            "intravenous infusions are not given at home; please have the first dose in "
                            "hospital. Used needles go into a sharps container that the nurse takes away for "
                            "proper disposal."
                        ),
                    },
                ],
                "price": "60.00",
                "unit": "visit",
                "duration_minutes": 30,
                "districts": "all",
                "qualifications": ["nurse_licence"],
                "faq": [
                    {
                        "q": {"zh": "可以上门输液吗？", "en": "Can you give a drip at home?"},
                        "a": {
                            "zh": (
                                "不可以。静脉输液发生过敏等不良反应时需要医院的抢救条件，请在医疗机构进行。"
                            ),
                            "en": (
                                "No. Adverse reactions to intravenous infusions, such as allergic reactions, "
                                "may need hospital emergency care, so infusions must be given in a medical "
                                "facility."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "每天都要打针，可以包周期吗？",
                            "en": "I need an injection every day. Can I book a course?",
                        },
                        "a": {
                            "zh": "可以按疗程一次预约多次，尽量安排同一位护士，预约7次及以上每次优惠5元。",
                            "en": (
                                "Yes, a full course can be booked at once, with the same nurse wherever "
                                "possible. Courses of seven or more visits are 5 yuan cheaper per visit."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "wound-dressing-care",
                "title": {"zh": "伤口换药护理", "en": "Wound dressing care"},
                "summary": {
                    "zh": "为术后切口、外伤伤口、压疮和糖尿病足等慢性伤口提供上门清创换药。",
                    "en": (
                        "Home cleaning and dressing of surgical incisions, injuries, pressure sores and "
                        "chronic wounds such as diabetic foot ulcers."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "护士会评估伤口的大小、渗液和周围皮肤情况，按医嘱清洗伤口、更换敷料，"
                            "并拍照记录伤口变化，方便复诊时给医生参考。常规敷料包含在服务价格内，"
                            "特殊敷料按实际使用收费。"
                        ),
                        "en": (
                            "The nurse assesses the size of the wound, any discharge and the surrounding "
                            "skin, cleans it and changes the dressing as ordered, and photographs it to "
                            "track progress for your next hospital appointment. Standard dressings are "
                            "included in the price; specialist dressings are charged as used."
                        ),
                    },
                    {
                        "zh": (
                            "如发现伤口红肿加重、发热、异味或渗血不止等感染或并发症迹象，护士会立即建议就医，"
                            "不会勉强在家处理。"
                        ),
                        "en": (
                            "If the nurse sees signs of infection or complications, such as spreading "
                            "redness, fever, a bad smell or bleeding that does not stop, they will advise "
                            "you to seek medical care at once rather than carry on at home."
                        ),
                    },
                ],
                "price": "80.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": "all",
                "qualifications": ["nurse_licence"],
                "faq": [
                    {
                        "q": {"zh": "拆线可以上门做吗？", "en": "Can stitches be removed at home?"},
                        "a": {
                            "zh": "可以，凭医生开具的拆线医嘱，伤口愈合良好时可上门拆线。",
                            "en": (
                                "Yes, with the doctor's written instruction to remove them, provided the "
                                "wound has healed well."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "多久换一次药？", "en": "How often should the dressing be changed?"},
                        "a": {
                            "zh": (
                                "按医生的医嘱执行。护士也会根据伤口渗液情况，建议是否需要调整换药频率并请您咨"
                                "询医生。"
                            ),
                            "en": (
                                "As your doctor has ordered. Depending on how much the wound is weeping, the "
                                "nurse may suggest asking the doctor whether the frequency should change."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "urinary-catheter-care",
                "title": {"zh": "导尿管护理与更换", "en": "Urinary catheter care and replacement"},
                "summary": {
                    "zh": "为长期留置导尿管的患者上门更换导尿管和尿袋，并进行会阴护理和健康指导。",
                    "en": (
                        "For patients with a long-term indwelling catheter, a nurse visits to replace the "
                        "catheter and drainage bag, provide perineal care and give health advice."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "护士按医嘱和无菌操作规范更换导尿管，检查尿液颜色、性状和尿量，"
                            "并指导家属日常清洁、固定尿管和防止逆流的方法。导尿管、尿袋等耗材可由护士携带，"
                            "按实际使用收费。"
                        ),
                        "en": (
                            "The nurse replaces the catheter following the doctor's orders and strict "
                            "aseptic technique, checks the colour, clarity and volume of the urine, and "
                            "shows the family how to keep it clean, secure the tube and prevent backflow. "
                            "Catheters, drainage bags and other supplies can be brought by the nurse and are "
                            "charged as used."
                        ),
                    },
                    {
                        "zh": (
                            "插管困难、近期有尿道损伤或出血的患者，不适合上门更换，"
                            "护士会建议到医院泌尿科处理。"
                        ),
                        "en": (
                            "Patients for whom insertion is difficult, or who have had recent urethral "
                            "injury or bleeding, should not have the catheter changed at home; the nurse "
                            "will refer them to a hospital urology department."
                        ),
                    },
                ],
                "price": "150.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": ["370811", "370812", "370881", "370883", "370828", "370829", "370830", "370832"],
                "qualifications": ["nurse_licence"],
                "faq": [
                    {
                        "q": {"zh": "导尿管多久换一次？", "en": "How often should a catheter be changed?"},
                        "a": {
                            "zh": "更换周期取决于导尿管材质和医生的医嘱，常见为2到4周，请以医嘱为准。",
                            "en": (
                                "It depends on the catheter material and the doctor's orders, commonly every "
                                "two to four weeks. Always follow your doctor's instructions."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "男护士和女护士可以选择吗？",
                            "en": "Can I choose a male or female nurse?",
                        },
                        "a": {
                            "zh": "可以在下单时注明性别偏好，我们会尽量安排。",
                            "en": (
                                "Yes, state your preference when booking and we will do our best to arrange "
                                "it."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "picc-line-maintenance",
                "title": {"zh": "PICC导管维护护理", "en": "PICC line maintenance"},
                "summary": {
                    "zh": "为带管回家的肿瘤化疗等患者上门进行PICC冲管、封管和敷贴更换。",
                    "en": (
                        "Home flushing, locking and dressing changes for patients sent home with a PICC "
                        "line, for example during chemotherapy."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "由接受过PICC维护专项培训的护士上门，测量臂围和导管外露长度，按规范冲管、封管，"
                            "更换透明敷贴和固定装置，并记录在维护手册上。"
                        ),
                        "en": (
                            "A nurse with specialist PICC training measures the arm circumference and "
                            "external catheter length, flushes and locks the line to protocol, changes the "
                            "transparent dressing and securing device, and records everything in the "
                            "patient's maintenance booklet."
                        ),
                    },
                    {
                        "zh": (
                            "PICC一般需要每7天维护一次。如出现穿刺点红肿渗液、手臂肿胀疼痛或导管脱出，"
                            "请立即前往置管医院处理，不要等待上门。"
                        ),
                        "en": (
                            "A PICC line usually needs maintenance every seven days. If the insertion site "
                            "becomes red or weeps, the arm swells or hurts, or the catheter slips out, go to "
                            "the hospital that placed the line immediately instead of waiting for a home "
                            "visit."
                        ),
                    },
                ],
                "price": "120.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": ["370811", "370812", "370881", "370883"],
                "qualifications": ["nurse_licence"],
                "faq": [
                    {
                        "q": {"zh": "需要提供什么资料？", "en": "What documents do I need to provide?"},
                        "a": {
                            "zh": "请上传PICC维护手册和最近一次维护记录，护士会据此准备耗材。",
                            "en": (
                                "Please upload the PICC maintenance booklet and the record of the last "
                                "maintenance, so the nurse can bring the right supplies."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "耗材费用包含吗？", "en": "Are supplies included?"},
                        "a": {
                            "zh": "价格已包含一套标准维护耗材，特殊型号的接头或敷贴另行收费。",
                            "en": (
                                "The price includes one standard maintenance kit; special connectors or "
                                "dressings are charged separately."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "post-operative-home-nursing",
                "title": {"zh": "术后居家护理（按小时）", "en": "Post-operative home nursing, hourly"},
                "summary": {
                    "zh": "出院后的恢复期由护士按小时上门，监测生命体征、观察伤口、指导用药和康复活动。",
                    "en": (
                        "During recovery after discharge a nurse visits by the hour to monitor vital signs, "
                        "check the wound and advise on medication and rehabilitation."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "适用于骨科、普外科手术后回家休养的患者。护士会测量血压、脉搏、体温和血氧，"
                            "观察伤口和引流情况，核对出院带药的用法，并根据出院医嘱指导下床活动和功能锻炼。"
                        ),
                        "en": (
                            "This suits patients recovering at home after orthopaedic or general surgery. "
                            "The nurse checks blood pressure, pulse, temperature and oxygen saturation, "
                            "looks at the wound and any drain, goes through the discharge medication and, "
                            "following the discharge instructions, guides getting out of bed and "
                            "rehabilitation exercises."
                        ),
                    },
                    {
                        "zh": (
                            "每次服务后，护士会填写护理记录，家属可以在订单中查看，复诊时可以出示给医生。"
                            "最少预约2小时。"
                        ),
                        "en": (
                            "After each visit the nurse completes a nursing record that family members can "
                            "view in the order and show to the doctor at follow-up appointments. The minimum "
                            "booking is 2 hours."
                        ),
                    },
                ],
                "price": "80.00",
                "unit": "hour",
                "duration_minutes": 120,
                "districts": ["370811", "370812", "370881", "370883", "370826", "370827", "370831"],
                "qualifications": ["nurse_licence"],
                "faq": [
                    {
                        "q": {
                            "zh": "护士可以开药或调整药物吗？",
                            "en": "Can the nurse prescribe or adjust medication?",
                        },
                        "a": {
                            "zh": "不可以。护士只按医嘱执行护理，用药调整请咨询主治医生。",
                            "en": (
                                "No. Nurses carry out care according to the doctor's orders; any change in "
                                "medication must be discussed with the treating doctor."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "夜间可以预约吗？", "en": "Can I book a nurse at night?"},
                        "a": {
                            "zh": (
                                "可以预约晚上8点前开始的服务；夜间陪护请选择“24小时住家养老护理”或联系医院。"
                            ),
                            "en": (
                                "Yes, as long as the visit starts before 8 pm. For overnight care, choose "
                                "24-hour live-in elderly care or contact the hospital."
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "beauty-hair",
        "title": {"zh": "美容美发", "en": "Beauty and hair"},
        "intro": {
            "zh": (
                "持证美发师和美容师带齐工具上门，为行动不便的老人、坐月子的妈妈、忙碌的上班族和新娘提供理发、"
                "染发、护肤和化妆服务。所有工具一客一消毒。"
            ),
            "en": (
                "Certified hairdressers and beauticians bring everything they need to your home, offering "
                "haircuts, colouring, skincare and make-up for older people with limited mobility, new "
                "mothers, busy professionals and brides. All tools are disinfected after every client."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "服务开始前3小时以上可免费改约或取消，3小时内取消收取20元。新娘跟妆需支付30%定金，"
                "婚期前7天以上取消全额退还定金，7天内取消定金不退。"
            ),
            "en": (
                "You can reschedule or cancel free of charge up to 3 hours before the start; later "
                "cancellations cost 20 yuan. Bridal make-up requires a 30% deposit, refunded in full if you "
                "cancel more than 7 days before the wedding and kept if you cancel within 7 days."
            ),
        },
        "services": [
            {
                "slug": "home-haircut-seniors",
                "title": {
                    "zh": "上门理发（老人、行动不便者）",
                    "en": "Home haircut for older and less mobile people",
                },
                "summary": {
                    "zh": "美发师上门为老人、卧床患者和行动不便者理发，可坐可躺，耐心细致。",
                    "en": (
                        "A hairdresser visits to cut the hair of older people, bedbound patients and anyone "
                        "who finds it hard to get out, sitting or lying down, with patience and care."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "美发师自带围布、电推剪、剪刀和吸发器，可以为坐轮椅或卧床的老人理发、修面，"
                            "结束后清扫碎发。发型以清爽利落、方便打理为主，也可以按老人的习惯修剪。"
                        ),
                        "en": (
                            "The hairdresser brings a cape, clippers, scissors and a hair vacuum, and can "
                            "cut hair and shave faces for people in wheelchairs or in bed, cleaning up all "
                            "the clippings afterwards. Styles are kept neat and easy to manage, or follow "
                            "the person's usual cut."
                        ),
                    },
                    {
                        "zh": "同一地址多人理发，第二人起每人30元，适合养老院探访日或一家几代人一起理发。",
                        "en": (
                            "For several people at the same address, each additional haircut is 30 yuan, "
                            "handy for a visiting day at a care home or when several generations of a family "
                            "all need a trim."
                        ),
                    },
                ],
                "price": "50.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": "all",
                "qualifications": ["hairdresser_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "可以上门洗头吗？", "en": "Can you wash hair as well?"},
                        "a": {
                            "zh": "可以，美发师携带便携式洗头盆，卧床老人也可以在床上洗头，需另加20元。",
                            "en": (
                                "Yes. The hairdresser carries a portable basin, so even people confined to "
                                "bed can have their hair washed, for an extra 20 yuan."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "老人有阿尔茨海默病，情绪不稳定怎么办？",
                            "en": "What if the person has dementia and may become agitated?",
                        },
                        "a": {
                            "zh": (
                                "请在下单时备注，我们会安排有相关经验的美发师，并建议家属在旁陪伴，"
                                "必要时分次完成。"
                            ),
                            "en": (
                                "Please mention it when booking. We will send a hairdresser with relevant "
                                "experience, suggest that a family member stays close by and, if needed, "
                                "complete the haircut over more than one visit."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "home-wash-cut-blowdry",
                "title": {"zh": "上门洗剪吹", "en": "Wash, cut and blow-dry at home"},
                "summary": {
                    "zh": "美发师上门为成人和儿童提供洗发、剪发和吹风造型。",
                    "en": (
                        "A hairdresser comes to your home to wash, cut and blow-dry hair for adults and "
                        "children."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "美发师会先沟通脸型、发质和日常打理习惯，再给出发型建议。"
                            "儿童理发会准备小围布和玩具分散注意力，尽量让孩子放松。"
                        ),
                        "en": (
                            "The hairdresser starts by discussing face shape, hair type and how much time "
                            "you spend on your hair each day before suggesting a style. For children they "
                            "bring a small cape and a toy or two to keep them relaxed."
                        ),
                    },
                    {
                        "zh": (
                            "适合在家带娃的父母、坐月子的妈妈和工作繁忙的上班族。服务结束后，"
                            "美发师会清理地面碎发并带走垃圾。"
                        ),
                        "en": (
                            "It is ideal for parents at home with small children, mothers in their postnatal "
                            "month and busy professionals. Afterwards the hairdresser sweeps up the "
                            "clippings and takes the rubbish away."
                        ),
                    },
                ],
                "price": "80.00",
                "unit": "visit",
                "duration_minutes": 60,
                "districts": ["370811", "370812", "370881", "370883"],
                "qualifications": ["hairdresser_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "需要准备什么？", "en": "What do I need to prepare?"},
                        "a": {
                            "zh": "只需一把椅子、一处能用热水的洗手池和光线充足的位置即可。",
                            "en": "Just a chair, a sink with hot water and a well-lit spot.",
                        },
                    },
                    {
                        "q": {
                            "zh": "月子期间可以洗头吗？",
                            "en": "Is it fine to wash hair during the postnatal month?",
                        },
                        "a": {
                            "zh": (
                                "产后身体状况良好时可以洗头，美发师会控制室温和水温并尽快吹干。"
                                "有伤口或身体不适时，请先咨询医生。"
                            ),
                            "en": (
                                "If you are recovering well, yes. The hairdresser keeps the room and water "
                                "warm and dries your hair quickly. If you have a wound or feel unwell, check "
                                "with your doctor first."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "home-hair-colouring",
                "title": {
                    "zh": "上门染发（含遮白发）",
                    "en": "Hair colouring at home, including grey coverage",
                },
                "summary": {
                    "zh": "使用正规品牌染发剂上门染发，可遮盖白发或改变发色，染前进行皮肤过敏测试。",
                    "en": (
                        "Colouring at home with branded professional dyes, to cover grey or change colour, "
                        "with a skin allergy test beforehand."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "染发剂可能引起过敏，首次染发或更换品牌时，美发师会提前一次上门或在预约前48小时指"
                            "导您做皮肤测试，测试无异常后再染发。"
                        ),
                        "en": (
                            "Hair dye can cause allergic reactions. If you are colouring for the first time "
                            "or changing brands, the hairdresser will either visit beforehand or talk you "
                            "through a skin test 48 hours before the appointment, and only colour your hair "
                            "if the test is clear."
                        ),
                    },
                    {
                        "zh": (
                            "价格适用于短发和中长发，长发或漂染需另行报价。染发后美发师会讲解护色和洗发注意事"
                            "项。"
                        ),
                        "en": (
                            "The price is for short and medium-length hair; long hair and bleaching are "
                            "quoted separately. After colouring, the hairdresser explains how to wash and "
                            "look after the colour."
                        ),
                    },
                ],
                "price": "150.00",
                "unit": "visit",
                "duration_minutes": 120,
                "districts": ["370811", "370812", "370881", "370883", "370828", "370829"],
                "qualifications": ["hairdresser_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {
                            "zh": "头皮有破损可以染发吗？",
                            "en": "Can I colour my hair if my scalp is broken or irritated?",
                        },
                        "a": {
                            "zh": "不可以。头皮有破损、湿疹或过敏史时，请等恢复后再预约。",
                            "en": (
                                "No. If your scalp has cuts, eczema or a history of reactions, please wait "
                                "until it has recovered before booking."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "可以用我自己买的染发剂吗？",
                            "en": "Can you use a dye I have bought myself?",
                        },
                        "a": {
                            "zh": "可以，只收人工费100元，但请确认染发剂为正规渠道购买且在有效期内。",
                            "en": (
                                "Yes, for a labour-only fee of 100 yuan, provided the dye comes from a "
                                "reputable shop and is within its use-by date."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "bridal-makeup-hair",
                "title": {"zh": "新娘跟妆（化妆造型）", "en": "Bridal make-up and hair styling"},
                "summary": {
                    "zh": "婚礼当天化妆师上门为新娘化妆做造型，全程跟妆，按婚礼流程补妆换造型。",
                    "en": (
                        "On the wedding day a make-up artist comes to the bride's home for make-up and hair "
                        "and stays for the day, touching up and changing looks as the ceremony goes on."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "价格包含婚礼前一次试妆、婚礼当天的新娘妆容和两套造型。化妆师会根据婚纱、"
                            "秀禾服等服装和当地婚俗流程，安排接亲、仪式和敬酒时的造型变化。"
                        ),
                        "en": (
                            "The price includes one trial session before the wedding, the bride's make-up on "
                            "the day and two hairstyles. The artist plans changes of look for the collection "
                            "of the bride, the ceremony and the toasting round to suit the wedding dress, "
                            "the traditional xiuhe gown and local wedding customs."
                        ),
                    },
                    {
                        "zh": (
                            "婚礼当天一般凌晨或清晨开始化妆，化妆师会提前到达。伴娘和妈妈的妆容可以加购，"
                            "每人150元。"
                        ),
                        "en": (
                            "Make-up usually starts very early on the wedding morning, and the artist "
                            "arrives ahead of time. Make-up for bridesmaids and mothers can be added at 150 "
                            "yuan per person."
                        ),
                    },
                ],
                "price": "1280.00",
                "unit": "visit",
                "duration_minutes": 480,
                "districts": "all",
                "qualifications": ["beautician_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "化妆品是什么品牌？", "en": "Which cosmetics brands are used?"},
                        "a": {
                            "zh": (
                                "化妆师使用正规渠道购买的专业彩妆品牌，试妆时可以查看产品。"
                                "敏感肌肤请提前告知。"
                            ),
                            "en": (
                                "Artists use professional brands bought through authorised channels, and you "
                                "can see the products at the trial. Please mention sensitive skin in advance."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "婚礼在外县，可以去吗？",
                            "en": "Can the artist travel to a wedding in another county?",
                        },
                        "a": {
                            "zh": "济宁市内各县市区都可以服务，离化妆师所在地较远时，需另付往返交通费。",
                            "en": (
                                "Yes, anywhere within Jining. If the venue is far from where the artist is "
                                "based, return travel costs are charged on top."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "home-facial-care",
                "title": {"zh": "上门面部护理", "en": "Facial care at home"},
                "summary": {
                    "zh": "美容师上门提供清洁、补水、按摩等基础面部护理，不涉及任何医疗美容项目。",
                    "en": (
                        "A beautician comes to your home for a basic facial of cleansing, hydration and "
                        "massage, with no medical cosmetic procedures of any kind."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "护理流程包括卸妆清洁、温和去角质、面部按摩、补水面膜和基础保养。"
                            "美容师会先了解您的肤质和近期使用的护肤品，敏感肌和孕期女性会调整产品和手法。"
                        ),
                        "en": (
                            "The treatment covers make-up removal and cleansing, gentle exfoliation, facial "
                            "massage, a hydrating mask and finishing care. The beautician first asks about "
                            "your skin type and current products, and adapts products and techniques for "
                            "sensitive skin and during pregnancy."
                        ),
                    },
                    {
                        "zh": (
                            "本服务属于生活美容，不包括注射、光电、针清等医疗美容项目。美容师携带折叠美容床，"
                            "家中只需留出约两平方米的空间。"
                        ),
                        "en": (
                            "This is a beauty treatment, not medical aesthetics: injections, laser or light "
                            "treatments and extractions with needles are not included. The beautician brings "
                            "a folding treatment couch, so you only need about two square metres of free "
                            "space."
                        ),
                    },
                ],
                "price": "168.00",
                "unit": "visit",
                "duration_minutes": 90,
                "districts": ["370811", "370812", "370881", "370883"],
                "qualifications": ["beautician_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "会推销产品吗？", "en": "Will the beautician try to sell me products?"},
                        "a": {
                            "zh": "平台禁止服务人员上门推销，如遇推销行为可以在订单中投诉。",
                            "en": (
                                "The platform forbids providers from selling products during visits. If it "
                                "happens, you can file a complaint in the order."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "长痘痘可以做吗？", "en": "Is it suitable if I have acne?"},
                        "a": {
                            "zh": (
                                "轻度痘痘可以做清洁和舒缓护理；炎症明显或反复发作时，建议先到医院皮肤科就诊。"
                            ),
                            "en": (
                                "Mild breakouts can have a cleansing, soothing facial. For inflamed or "
                                "recurring acne we suggest seeing a hospital dermatologist first."
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "personal-training",
        "title": {"zh": "私人健身", "en": "Personal training"},
        "intro": {
            "zh": (
                "持证健身教练上门一对一指导，在客厅、小区或附近公园就能完成训练。教练会根据年龄、"
                "身体状况和目标制定计划，老人、产后妈妈和健身新手都能找到合适的课程。"
            ),
            "en": (
                "Certified fitness instructors come to you for one-to-one sessions in your living room, your "
                "estate or a nearby park. They build a plan around your age, health and goals, so older "
                "people, new mothers and complete beginners can all find the right class."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "课程开始前12小时以上可免费改约或取消，12小时内取消按一节课的50%收费。"
                "因雨雪天气无法户外训练的，可改为室内课程或免费改期。"
            ),
            "en": (
                "Sessions can be rescheduled or cancelled free of charge up to 12 hours before they start; "
                "later cancellations cost 50% of one session. If rain or snow rules out training outdoors, "
                "you can move indoors or reschedule free of charge."
            ),
        },
        "services": [
            {
                "slug": "personal-training-fat-loss",
                "title": {
                    "zh": "减脂塑形私教课（上门健身）",
                    "en": "Fat loss and body shaping personal training",
                },
                "summary": {
                    "zh": "一对一上门私教课，结合力量训练、有氧训练和饮食建议，帮助科学减脂。",
                    "en": (
                        "One-to-one home sessions combining strength work, cardio and dietary advice for "
                        "sensible, sustainable fat loss."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "首节课教练会进行体态评估和基础体能测试，了解您的作息和饮食习惯，"
                            "制定每周训练计划。教练自带弹力带、壶铃、瑜伽垫等器械，家中无需购买器材。"
                        ),
                        "en": (
                            "In the first session the trainer assesses your posture and basic fitness and "
                            "asks about your routine and eating habits before drawing up a weekly plan. The "
                            "trainer brings resistance bands, kettlebells and mats, so you do not need to "
                            "buy any equipment."
                        ),
                    },
                    {
                        "zh": (
                            "饮食建议以均衡膳食为主，不推荐节食和减肥药。有高血压、心脏病、"
                            "糖尿病等慢性病的学员，请先征得医生同意。"
                        ),
                        "en": (
                            "Nutrition advice is based on a balanced diet; the trainer never recommends "
                            "crash diets or slimming pills. If you have high blood pressure, heart disease, "
                            "diabetes or another chronic condition, please get your doctor's approval first."
                        ),
                    },
                ],
                "price": "200.00",
                "unit": "hour",
                "duration_minutes": 60,
                "districts": ["370811", "370812", "370881", "370883"],
                "qualifications": ["fitness_instructor_cert"],
                "faq": [
                    {
                        "q": {"zh": "多久能看到效果？", "en": "How soon will I see results?"},
                        "a": {
                            "zh": (
                                "每周训练2到3次并配合饮食调整，一般4到8周可以感受到体能和体形的变化，"
                                "因人而异。"
                            ),
                            "en": (
                                "With two or three sessions a week and better eating, most people notice "
                                "changes in fitness and shape within four to eight weeks, though everyone is "
                                "different."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "楼下邻居会不会被吵到？",
                            "en": "Will we disturb the neighbours downstairs?",
                        },
                        "a": {
                            "zh": "教练会安排低冲击动作并铺设减震垫，避免跳跃类动作影响邻居。",
                            "en": (
                                "The trainer chooses low-impact exercises and lays shock-absorbing mats, "
                                "avoiding jumping that would bother the neighbours."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "senior-strength-balance-training",
                "title": {
                    "zh": "老年人平衡与力量训练（上门私教）",
                    "en": "Balance and strength training for older adults",
                },
                "summary": {
                    "zh": "针对老年人的上门私教课，增强腿部力量和平衡能力，降低跌倒风险。",
                    "en": (
                        "Home sessions designed for older people, building leg strength and balance to "
                        "reduce the risk of falls."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "课程以椅子辅助练习、弹力带训练、重心转移和步态练习为主，动作缓慢、强度可控。"
                            "教练每节课前测量心率和血压，训练中随时观察老人的状态。"
                        ),
                        "en": (
                            "Sessions use chair-supported exercises, resistance bands, weight-shifting and "
                            "walking drills, all slow and easy to scale. The trainer takes heart rate and "
                            "blood pressure before each session and watches closely throughout."
                        ),
                    },
                    {
                        "zh": (
                            "教练会顺便检查家中的跌倒隐患，例如地毯边角、卫生间防滑和夜间照明，"
                            "并给出改进建议。"
                        ),
                        "en": (
                            "While they are there, the trainer also points out fall hazards in the home, "
                            "such as curling rug edges, slippery bathrooms and poor night lighting, and "
                            "suggests improvements."
                        ),
                    },
                ],
                "price": "150.00",
                "unit": "hour",
                "duration_minutes": 60,
                "districts": "all",
                "qualifications": ["fitness_instructor_cert"],
                "faq": [
                    {
                        "q": {"zh": "做过膝关节置换可以练吗？", "en": "Is it safe after a knee replacement?"},
                        "a": {
                            "zh": (
                                "需要主治医生或康复医生同意，并告知教练手术时间和康复要求，"
                                "教练会相应调整动作。"
                            ),
                            "en": (
                                "Only with the approval of your surgeon or rehabilitation doctor. Tell the "
                                "trainer when you had the operation and what your rehab plan says, and the "
                                "exercises will be adapted."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "子女可以一起参加吗？", "en": "Can adult children join in?"},
                        "a": {
                            "zh": "欢迎家人一起参加，同一节课最多3人，价格不变。",
                            "en": (
                                "Family members are welcome to join, up to three people per session at no "
                                "extra cost."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "yoga-private-class",
                "title": {"zh": "瑜伽私教上门", "en": "Private yoga class at home"},
                "summary": {
                    "zh": "瑜伽教练上门一对一授课，改善柔韧性、体态和睡眠，适合零基础学员。",
                    "en": (
                        "A yoga teacher comes to your home for a one-to-one class to improve flexibility, "
                        "posture and sleep, suitable for complete beginners."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "课程以哈他瑜伽为基础，包括呼吸练习、体式和放松冥想。"
                            "长期伏案的上班族可以重点放松肩颈和腰背。"
                        ),
                        "en": (
                            "Classes are based on hatha yoga, combining breathing practice, postures and "
                            "relaxation. People who sit at a desk all day can focus on releasing the neck, "
                            "shoulders and back."
                        ),
                    },
                    {
                        "zh": "教练会自带瑜伽垫、瑜伽砖和伸展带，家中只需一块约3平方米的空地。",
                        "en": (
                            "The teacher brings mats, blocks and straps; all you need is about three square "
                            "metres of clear floor."
                        ),
                    },
                ],
                "price": "180.00",
                "unit": "hour",
                "duration_minutes": 60,
                "districts": ["370811", "370812", "370881", "370883", "370829"],
                "qualifications": ["fitness_instructor_cert"],
                "faq": [
                    {
                        "q": {"zh": "身体很僵硬也能学吗？", "en": "Can I learn if I am very stiff?"},
                        "a": {
                            "zh": "可以。教练会用辅具降低难度，循序渐进，不会勉强做高难度体式。",
                            "en": (
                                "Yes. The teacher uses props to make poses easier and progresses step by "
                                "step, never pushing you into difficult postures."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "饭后多久可以上课？", "en": "How long after a meal should I wait?"},
                        "a": {
                            "zh": "建议饭后两小时再练习，课前一小时可以吃少量水果。",
                            "en": (
                                "We suggest waiting two hours after a meal; a little fruit an hour before is "
                                "fine."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "postpartum-recovery-training",
                "title": {"zh": "产后修复训练（上门私教）", "en": "Postnatal recovery training at home"},
                "summary": {
                    "zh": "针对产后妈妈的上门私教课，循序渐进恢复核心和盆底功能，改善腰背不适。",
                    "en": (
                        "Home sessions for new mothers, gradually restoring core and pelvic floor function "
                        "and easing back discomfort."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "课程包括腹直肌分离评估、呼吸与核心激活、盆底肌训练和体态调整。"
                            "教练接受过产后康复专项培训，课程可以配合宝宝的作息安排。"
                        ),
                        "en": (
                            "Sessions include a check for abdominal separation, breathing and core "
                            "activation, pelvic floor training and posture work. Trainers have specialist "
                            "postnatal training, and sessions can fit around the baby's routine."
                        ),
                    },
                    {
                        "zh": (
                            "一般建议顺产6周、剖腹产8周后，并在产后复查获得医生同意后开始训练。"
                            "盆底功能障碍明显的，请先到医院进行评估治疗。"
                        ),
                        "en": (
                            "Training usually starts six weeks after a vaginal birth or eight weeks after a "
                            "caesarean, once your postnatal check-up has given the go-ahead. If pelvic floor "
                            "problems are significant, please have them assessed and treated in hospital "
                            "first."
                        ),
                    },
                ],
                "price": "220.00",
                "unit": "hour",
                "duration_minutes": 60,
                "districts": ["370811", "370812", "370881", "370883"],
                "qualifications": ["fitness_instructor_cert"],
                "faq": [
                    {
                        "q": {"zh": "可以要求女教练吗？", "en": "Can I ask for a female trainer?"},
                        "a": {
                            "zh": "产后修复课程默认安排女教练。",
                            "en": "Postnatal sessions are taught by female trainers by default.",
                        },
                    },
                    {
                        "q": {"zh": "哺乳期可以训练吗？", "en": "Can I train while breastfeeding?"},
                        "a": {
                            "zh": "可以，建议课前哺乳或吸奶，训练中注意补充水分。",
                            "en": (
                                "Yes. We suggest feeding or expressing before the session and drinking "
                                "plenty of water while you train."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "baduanjin-taichi-class",
                "title": {"zh": "八段锦与太极拳私教", "en": "Baduanjin and tai chi private class"},
                "summary": {
                    "zh": "在家中或小区空地学习八段锦和简化太极拳，动作舒缓，适合中老年人和久坐人群。",
                    "en": (
                        "Learn Baduanjin and simplified tai chi at home or in an open space on your estate: "
                        "gentle movements suited to middle-aged and older people and anyone who sits a lot."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "八段锦共八节动作，简单易学，十几分钟可以练完一遍。教练会逐节讲解动作要领和呼吸配"
                            "合，并纠正常见的错误姿势。"
                        ),
                        "en": (
                            "Baduanjin has eight movements, is easy to learn and takes only a quarter of an "
                            "hour to practise through once. The instructor explains each movement and how to "
                            "breathe with it, and corrects common mistakes."
                        ),
                    },
                    {
                        "zh": (
                            "学会八段锦后，可以继续学习二十四式简化太极拳。小区里的邻居可以一起报名，"
                            "组成小班课程。"
                        ),
                        "en": (
                            "Once you know Baduanjin you can move on to the 24-form simplified tai chi. "
                            "Neighbours on your estate can sign up together as a small group."
                        ),
                    },
                ],
                "price": "120.00",
                "unit": "hour",
                "duration_minutes": 60,
                "districts": "all",
                "qualifications": ["fitness_instructor_cert"],
                "faq": [
                    {
                        "q": {"zh": "小班课怎么收费？", "en": "How are small group classes priced?"},
                        "a": {
                            "zh": "2至6人同上一节课，每节课总价为180元，由参加者自行分摊。",
                            "en": (
                                "For two to six people sharing a class, the total is 180 yuan per session, "
                                "split among participants as they wish."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "需要穿什么？", "en": "What should I wear?"},
                        "a": {
                            "zh": "宽松舒适的衣服和平底运动鞋即可。",
                            "en": "Loose, comfortable clothes and flat trainers.",
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "private-chef",
        "title": {"zh": "私厨上门", "en": "Private chef"},
        "intro": {
            "zh": (
                "持证厨师到家中掌勺，从一日三餐的家常菜到孔府菜家宴，从金乡大蒜到微山湖鲜，"
                "把济宁的地道风味做在您家的厨房里。厨师可代购食材，票据随单提供。"
            ),
            "en": (
                "A certified chef cooks in your own kitchen, from everyday home-style meals to a Kong Family "
                "Mansion banquet, from Jinxiang garlic to fresh fish from Weishan Lake, bringing the "
                "authentic flavours of Jining to your table. Chefs can shop for ingredients, with receipts "
                "attached to the order."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "用餐前24小时以上可免费改约或取消；24小时内取消，收取服务费的30%；厨师已采购食材后取消，"
                "食材费用按票据实际金额收取，食材交给您。"
            ),
            "en": (
                "You can reschedule or cancel free of charge up to 24 hours before the meal; within 24 "
                "hours, 30% of the service fee is charged. If the chef has already bought the ingredients, "
                "you pay their receipted cost and the ingredients are handed over to you."
            ),
        },
        "services": [
            {
                "slug": "home-style-dinner-4-dishes",
                "title": {
                    "zh": "家常菜上门做饭（四菜一汤）",
                    "en": "Home-style dinner, four dishes and a soup",
                },
                "summary": {
                    "zh": "厨师上门做一顿四菜一汤的家常饭，适合3至5人用餐，食材费另计。",
                    "en": (
                        "A chef comes to cook a home-style meal of four dishes and a soup for three to five "
                        "people, with ingredients charged separately."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "菜单可以由您指定，也可以请厨师按季节搭配，例如辣子鸡、糖醋里脊、家常豆腐、"
                            "清炒时蔬和紫菜蛋花汤。老人和孩子的口味、忌口和过敏食物请在下单时注明。"
                        ),
                        "en": (
                            "You can set the menu yourself or let the chef plan one around the season, for "
                            "example spicy chicken, sweet and sour pork tenderloin, home-style tofu, "
                            "stir-fried seasonal greens and a seaweed and egg soup. Please note any "
                            "preferences, dietary restrictions or allergies of older family members and "
                            "children when booking."
                        ),
                    },
                    {
                        "zh": (
                            "价格包含厨师人工、烹饪和餐后厨房清洁，不含食材。厨师代购食材的，按小票实报实销。"
                        ),
                        "en": (
                            "The price covers the chef's time, the cooking and cleaning the kitchen "
                            "afterwards, but not the ingredients. If the chef does the shopping, you pay "
                            "exactly what the receipts show."
                        ),
                    },
                ],
                "price": "168.00",
                "unit": "visit",
                "duration_minutes": 150,
                "districts": "all",
                "qualifications": ["chef_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "可以长期预约做饭吗？", "en": "Can I book a chef regularly?"},
                        "a": {
                            "zh": "可以按周或按月预约固定时段，尽量安排同一位厨师，熟悉家人口味。",
                            "en": (
                                "Yes, you can book a fixed slot weekly or monthly, and we will try to send "
                                "the same chef so they get to know your family's tastes."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "厨师会用我家的调料吗？", "en": "Will the chef use my seasonings?"},
                        "a": {
                            "zh": "默认使用您家的油盐酱醋，如需厨师自带特殊调料，请提前说明。",
                            "en": (
                                "By default the chef uses the oil, salt, soy sauce and vinegar in your "
                                "kitchen. If you want them to bring special seasonings, please say so in "
                                "advance."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "kong-family-mansion-banquet",
                "title": {
                    "zh": "孔府菜家宴（八道菜）",
                    "en": "Kong Family Mansion cuisine banquet, eight dishes",
                },
                "summary": {
                    "zh": "由擅长孔府菜的厨师上门烹制八道菜的家宴，适合家庭聚会和招待远道而来的客人。",
                    "en": (
                        "A chef skilled in Kong Family Mansion cuisine cooks an eight-dish banquet at home, "
                        "ideal for family gatherings or honouring guests who have travelled far."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "孔府菜是孔府历代宴请和日常饮食中形成的官府菜，讲究用料精细、做工考究，"
                            "菜名多有典故。常见菜品有诗礼银杏、一品豆腐、神仙鸭子等，"
                            "具体菜单由厨师根据季节和您的预算提前确认。"
                        ),
                        "en": (
                            "Kong Family Mansion cuisine grew out of the banquets and daily meals of the "
                            "Kong family household over many generations. It is known for carefully chosen "
                            "ingredients, painstaking technique and dish names that carry stories. Typical "
                            "dishes include Poetry and Rites ginkgo, First-Rank tofu and Immortal duck; the "
                            "chef confirms the exact menu in advance to suit the season and your budget."
                        ),
                    },
                    {
                        "zh": (
                            "“诗礼银杏”的菜名来自孔子教导儿子孔鲤“学诗”“学礼”的故事。"
                            "厨师上菜时会简单介绍菜品的由来，让一桌家宴也多一分文化趣味。价格为服务费，"
                            "食材按实际采购另计，八道菜的食材一般在600元至1000元之间。"
                        ),
                        "en": (
                            "The name Poetry and Rites ginkgo recalls the story of Confucius urging his son "
                            "Kong Li to study the Book of Poetry and the rites. As each dish is served, the "
                            "chef briefly tells its story, adding a cultural touch to the meal. The price is "
                            "the service fee; ingredients are charged at cost and for eight dishes usually "
                            "come to between 600 and 1,000 yuan."
                        ),
                    },
                ],
                "price": "880.00",
                "unit": "visit",
                "duration_minutes": 300,
                "districts": ["370881", "370811", "370812", "370883", "370831"],
                "qualifications": ["chef_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "需要提前多久预约？", "en": "How far ahead should I book?"},
                        "a": {
                            "zh": "部分菜品需要提前备料和长时间炖制，请至少提前3天预约。",
                            "en": (
                                "Some dishes need ingredients prepared in advance and long, slow cooking, so "
                                "please book at least three days ahead."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "家里厨房比较小，可以做吗？",
                            "en": "My kitchen is small. Is that a problem?",
                        },
                        "a": {
                            "zh": "有两个灶眼和一台蒸锅即可。厨师会提前与您沟通厨具，必要时自带部分炊具。",
                            "en": (
                                "Two burners and a steamer are enough. The chef will check your equipment "
                                "beforehand and bring some cookware if needed."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "可以安排素食吗？", "en": "Can the banquet be vegetarian?"},
                        "a": {
                            "zh": (
                                "可以调整为以素菜为主的菜单，但部分传统菜品需用高汤，请在预约时说明饮食要求。"
                            ),
                            "en": (
                                "The menu can be adapted to be mostly vegetarian, though some traditional "
                                "dishes rely on meat stock, so please explain your dietary needs when "
                                "booking."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "jinxiang-garlic-home-feast",
                "title": {"zh": "金乡大蒜风味家宴", "en": "Jinxiang garlic home feast"},
                "summary": {
                    "zh": "以金乡大蒜为主题的六道家常菜，蒜香浓郁，适合4至6人聚餐。",
                    "en": (
                        "Six home-style dishes built around Jinxiang garlic, full of garlicky flavour, for "
                        "four to six people."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "金乡是全国闻名的大蒜之乡。厨师会用当季的金乡大蒜、蒜薹和黑蒜，做蒜泥白肉、"
                            "蒜香排骨、蒜薹炒肉、大蒜烧鲶鱼等菜品，并可以教您腌制糖醋蒜。"
                        ),
                        "en": (
                            "Jinxiang is famous across China as a home of garlic. Using seasonal Jinxiang "
                            "garlic, garlic scapes and black garlic, the chef cooks dishes such as sliced "
                            "pork with garlic sauce, garlic spare ribs, stir-fried pork with garlic scapes "
                            "and catfish braised with whole garlic, and can show you how to make sweet and "
                            "sour pickled garlic."
                        ),
                    },
                    {
                        "zh": (
                            "每年5月前后是新蒜和蒜薹上市的季节，这时预约风味最佳。价格为服务费，食材另计，"
                            "一般在200元至350元之间。"
                        ),
                        "en": (
                            "Around May, when new garlic and garlic scapes come to market, is the best time "
                            "to book. The price is the service fee; ingredients are extra, usually 200 to "
                            "350 yuan."
                        ),
                    },
                ],
                "price": "398.00",
                "unit": "visit",
                "duration_minutes": 180,
                "districts": ["370828", "370811", "370827", "370829", "370812"],
                "qualifications": ["chef_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "不太能吃辣可以吗？", "en": "What if we do not like spicy food?"},
                        "a": {
                            "zh": "大蒜菜品可以做成不辣的口味，厨师会控制生蒜的用量。",
                            "en": (
                                "Garlic dishes can be made without chilli, and the chef will go easy on raw "
                                "garlic."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "可以买到正宗的金乡大蒜吗？",
                            "en": "Is the garlic really from Jinxiang?",
                        },
                        "a": {
                            "zh": "厨师从金乡本地市场采购，票据随订单上传。",
                            "en": (
                                "The chef buys it at local markets in Jinxiang and uploads the receipts to "
                                "the order."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "weishan-lake-fish-feast",
                "title": {"zh": "微山湖鱼宴", "en": "Weishan Lake fish feast"},
                "summary": {
                    "zh": "用微山湖的鲜鱼、湖虾、莲藕和菱角做一桌湖鲜家宴，适合6至8人。",
                    "en": (
                        "A lake-food feast of fresh Weishan Lake fish, freshwater shrimp, lotus root and "
                        "water caltrop for six to eight people."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "微山湖是中国北方最大的淡水湖，湖产丰富。厨师会当天一早到码头或市场挑选鲜活的鲤鱼"
                            "、鲫鱼和湖虾，做红烧鲤鱼、鲫鱼豆腐汤、油爆湖虾、凉拌藕片等菜品，"
                            "再配上微山湖咸鸭蛋。"
                        ),
                        "en": (
                            "Weishan Lake is the largest freshwater lake in northern China and rich in "
                            "produce. Early on the day, the chef chooses live carp, crucian carp and lake "
                            "shrimp at the dock or market, and cooks dishes such as braised carp, crucian "
                            "carp and tofu soup, crisp-fried lake shrimp and lotus root salad, served with "
                            "salted duck eggs from the lake."
                        ),
                    },
                    {
                        "zh": "夏秋季还可以加入鲜莲子、菱角和鸡头米。价格为服务费，食材按实际采购另计。",
                        "en": (
                            "In summer and autumn, fresh lotus seeds, water caltrop and foxnuts can be "
                            "added. The price is the service fee; ingredients are charged at cost."
                        ),
                    },
                ],
                "price": "598.00",
                "unit": "visit",
                "duration_minutes": 240,
                "districts": ["370826", "370811", "370827", "370883", "370812"],
                "qualifications": ["chef_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {
                            "zh": "鱼刺多，老人孩子吃方便吗？",
                            "en": "Is the bony fish suitable for children and older people?",
                        },
                        "a": {
                            "zh": "厨师可以做成鱼片、鱼丸等少刺的做法，请在下单时说明。",
                            "en": (
                                "The chef can serve fish fillets or fish balls with few bones; just mention "
                                "it when booking."
                            ),
                        },
                    },
                    {
                        "q": {
                            "zh": "杀鱼会不会把厨房弄脏？",
                            "en": "Will preparing the fish make a mess of my kitchen?",
                        },
                        "a": {
                            "zh": "鱼可以在市场请摊主宰杀处理，厨师到家后只做清洗和烹制，结束后清洁厨房。",
                            "en": (
                                "The fish can be gutted and scaled at the market, so the chef only rinses "
                                "and cooks it at your home, and cleans the kitchen afterwards."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "bengrou-ganfan-family-meal",
                "title": {"zh": "甏肉干饭家庭套餐", "en": "Bengrou ganfan family meal"},
                "summary": {
                    "zh": "在家做一锅济宁街头经典甏肉干饭，慢炖五花肉配米饭和卤菜，适合4至6人。",
                    "en": (
                        "A pot of bengrou ganfan, a Jining street classic of slow-braised pork belly with "
                        "rice and braised sides, cooked at home for four to six people."
                    ),
                },
                "body": [
                    {
                        "zh": (
                            "甏肉干饭是济宁人从小吃到大的味道。厨师把大块五花肉用酱料和香料在砂锅中小火慢炖，"
                            "同锅卤制鸡蛋、面筋、豆腐和青椒，配上一碗蒸得松软的白米饭。"
                        ),
                        "en": (
                            "Bengrou ganfan is a taste Jining people grow up with. The chef slowly simmers "
                            "large pieces of pork belly with soy and spices in a clay pot, braising eggs, "
                            "gluten, tofu and green peppers in the same pot, and serves it all with fluffy "
                            "steamed rice."
                        ),
                    },
                    {
                        "zh": (
                            "慢炖需要约三小时，厨师会在炖煮期间顺便教您调配酱汁。价格为服务费，食材另计，"
                            "一般在150元至250元之间。"
                        ),
                        "en": (
                            "The slow braise takes about three hours, and while it cooks the chef can teach "
                            "you how to mix the sauce. The price is the service fee; ingredients are extra, "
                            "usually 150 to 250 yuan."
                        ),
                    },
                ],
                "price": "288.00",
                "unit": "visit",
                "duration_minutes": 240,
                "districts": ["370811", "370812", "370881", "370883", "370830", "370829"],
                "qualifications": ["chef_cert", "health_certificate"],
                "faq": [
                    {
                        "q": {"zh": "吃不完怎么保存？", "en": "How should leftovers be stored?"},
                        "a": {
                            "zh": "甏肉放凉后连汤冷藏，可以保存两三天，复热时加少量汤汁小火加热即可。",
                            "en": (
                                "Let the pork cool, then refrigerate it in its broth for up to two or three "
                                "days. Reheat gently with a little of the broth."
                            ),
                        },
                    },
                    {
                        "q": {"zh": "家里没有砂锅怎么办？", "en": "What if I do not have a clay pot?"},
                        "a": {
                            "zh": "厨师可以自带砂锅，用后带走，不另收费。",
                            "en": "The chef can bring one and take it away afterwards at no extra charge.",
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "culture",
        "title": {"zh": "文化体验", "en": "Cultural experiences"},
        "intro": {
            "zh": (
                "孔孟之乡的传统文化，也可以在家中细细品味。曲阜、邹城、嘉祥等地的文化讲师和手艺人带着教具和材"
                "料上门，讲孔子与孟子的故事，教鲁锦织造、石雕、楷木雕刻和尼山砚制作，适合亲子家庭和朋友小聚。"
            ),
            "en": (
                "The traditions of the land of Confucius and Mencius can be enjoyed in your own home. "
                "Culture lecturers and craftspeople from Qufu, Zoucheng, Jiaxiang and elsewhere bring "
                "teaching aids and materials to you, telling the stories of Confucius and Mencius and "
                "teaching Lu brocade weaving, stone carving, kaimu wood carving and Nishan inkstone making. "
                "They are perfect for families with children and gatherings of friends."
            ),
        },
        "cancellation_policy": {
            "zh": (
                "体验开始前24小时以上可免费改约或取消；24小时内取消，收取订单金额的30%；讲师已出发后取消，"
                "收取50%。手工类体验的材料包已为您准备好的，取消时可选择寄送到家。"
            ),
            "en": (
                "You can reschedule or cancel free of charge up to 24 hours before the experience. Within 24 "
                "hours, 30% of the order is charged, rising to 50% once the host has set off. For craft "
                "experiences whose material kits have already been prepared, you can choose to have the kit "
                "delivered to you when cancelling."
            ),
        },
        "services": [],
    },
]

# Cultural experiences, published under the "culture" category.
CULTURAL_EXPERIENCES = [
    {
        "slug": "confucius-analects-talk",
        "title": {
            "zh": "孔子文化讲解：《论语》与六艺",
            "en": "Confucius culture talk: the Analects and the Six Arts",
        },
        "summary": {
            "zh": (
                "曲阜的儒家文化讲师上门，用一个半小时讲孔子生平、《论语》名句和“六艺”，"
                "并带全家体验揖礼和投壶。"
            ),
            "en": (
                "A Confucian culture lecturer from Qufu spends ninety minutes in your home on the life of "
                "Confucius, famous lines from the Analects and the Six Arts, with the whole family trying "
                "the traditional bow and the pitch-pot game."
            ),
        },
        "body": [
            {
                "zh": (
                    "讲解从曲阜的孔庙、孔府、孔林讲起，介绍孔子的生平和思想，再结合“学而时习之”“己所不欲，"
                    "勿施于人”“三人行，必有我师焉”等《论语》名句，讨论它们在今天家庭生活、"
                    "学习和待人接物中的意义。"
                ),
                "en": (
                    "The talk begins with the Temple, Mansion and Cemetery of Confucius in Qufu and "
                    "introduces his life and thought. It then turns to well-known lines from the Analects, "
                    "such as 'to learn and to practise what one has learned', 'do not do to others what you "
                    "would not want done to yourself' and 'when three people walk together, one of them can "
                    "be my teacher', and discusses what they mean for family life, study and how we treat "
                    "others today."
                ),
            },
            {
                "zh": (
                    "互动环节介绍礼、乐、射、御、书、数“六艺”，讲师会示范并带大家练习传统揖礼，"
                    "用投壶游戏体验古代射礼的礼仪精神，最后可以和孩子一起诵读一段《论语》。"
                ),
                "en": (
                    "The interactive part introduces the Six Arts of rites, music, archery, charioteering, "
                    "calligraphy and mathematics. The lecturer demonstrates the traditional cupped-hand bow "
                    "for everyone to practise, uses the pitch-pot game to convey the etiquette and spirit of "
                    "ancient archery rituals, and finishes with children and adults reciting a passage from "
                    "the Analects together."
                ),
            },
            {
                "zh": (
                    "内容可以根据听众年龄调整：面向小学生以故事为主，面向成人可以深入讨论“仁”与“礼”的含义。"
                    "每年9月下旬孔子诞辰前后的文化节期间，名额较为紧张，请尽早预约。"
                ),
                "en": (
                    "Content is tailored to the audience: mainly stories for primary school children, and a "
                    "deeper discussion of benevolence and ritual propriety for adults. Places are in high "
                    "demand during the Confucius culture festival around his birthday in late September, so "
                    "please book early."
                ),
            },
        ],
        "price": "298.00",
        "unit": "visit",
        "duration_minutes": 90,
        "districts": ["370881", "370811", "370812", "370883", "370831"],
        "qualifications": ["tour_guide_licence"],
        "faq": [
            {
                "q": {"zh": "孩子几岁适合参加？", "en": "What age is this suitable for?"},
                "a": {
                    "zh": "6岁以上的孩子可以全程参与，更小的孩子可以在家长陪同下参加投壶等互动环节。",
                    "en": (
                        "Children from six can take part throughout; younger ones can join the pitch-pot "
                        "game and other activities with a parent."
                    ),
                },
            },
            {
                "q": {"zh": "可以用英文讲解吗？", "en": "Can the talk be given in English?"},
                "a": {
                    "zh": "可以预约具备英文讲解能力的讲师，适合接待外国朋友，需提前5天预约。",
                    "en": (
                        "Yes, lecturers who can present in English are available, which is ideal when "
                        "hosting friends from abroad. Please book five days ahead."
                    ),
                },
            },
        ],
        "theme": "confucius",
        "host": {
            "zh": "曲阜本地儒家文化讲师，持导游资格证，长期从事“三孔”讲解和《论语》普及教学",
            "en": (
                "A Confucian culture lecturer from Qufu holding a tour guide qualification, with long "
                "experience guiding visitors at the Temple, Mansion and Cemetery of Confucius and teaching "
                "the Analects to the public"
            ),
        },
        "group_size_min": 1,
        "group_size_max": 12,
        "what_to_prepare": {
            "zh": (
                "请准备一处可以围坐的客厅或书房，投壶游戏需要约3米长的空地。讲师自带投壶、箭矢和讲义，"
                "参与者穿着舒适即可。如希望重点讲解某个主题，请在下单时备注。"
            ),
            "en": (
                "Please have a living room or study where everyone can sit together, and about three metres "
                "of clear floor for the pitch-pot game. The lecturer brings the pot, arrows and handouts; "
                "participants just need comfortable clothes. If you would like the talk to focus on a "
                "particular theme, add a note when booking."
            ),
        },
    },
    {
        "slug": "mencius-culture-talk",
        "title": {
            "zh": "孟子文化讲解：孟母教子与仁政思想",
            "en": "Mencius culture talk: Mother Meng's teaching and benevolent government",
        },
        "summary": {
            "zh": "来自邹城的文化讲师上门，讲“孟母三迁”“断机教子”的家教故事和孟子“民为贵”的思想。",
            "en": (
                "A culture lecturer from Zoucheng visits to tell the family-education stories of Mother Meng "
                "moving house three times and cutting the cloth on her loom, and to explain Mencius's idea "
                "that the people matter most."
            ),
        },
        "body": [
            {
                "zh": (
                    "邹城是孟子故里，孟庙、孟府至今保存完好。讲解从孟母三迁、断机教子的故事讲起，"
                    "与家长和孩子一起讨论家庭环境和坚持学习的意义。"
                ),
                "en": (
                    "Zoucheng is the home town of Mencius, and its Temple and Mansion of Mencius are still "
                    "well preserved. The talk opens with the stories of Mother Meng moving house three times "
                    "to find a good environment for her son, and cutting the cloth on her loom to teach him "
                    "not to give up his studies, and invites parents and children to discuss why "
                    "surroundings and perseverance matter."
                ),
            },
            {
                "zh": (
                    "针对成人听众，讲师会进一步介绍孟子的性善论、“民为贵，社稷次之，君为轻”的仁政思想，"
                    "以及“富贵不能淫，贫贱不能移，威武不能屈”的大丈夫精神。"
                ),
                "en": (
                    "For adults, the lecturer goes on to introduce Mencius's view that human nature is good, "
                    "his idea of benevolent government summed up as 'the people come first, the state second "
                    "and the ruler last', and his ideal of the person of integrity who cannot be corrupted "
                    "by wealth, moved by poverty or bent by force."
                ),
            },
        ],
        "price": "268.00",
        "unit": "visit",
        "duration_minutes": 90,
        "districts": ["370883", "370881", "370811", "370812", "370826"],
        "qualifications": ["tour_guide_licence"],
        "faq": [
            {
                "q": {
                    "zh": "可以和孔子文化讲解一起预约吗？",
                    "en": "Can it be combined with the Confucius talk?",
                },
                "a": {
                    "zh": "可以预约“孔孟文化”连讲，两场合计3小时，总价优惠50元。",
                    "en": (
                        "Yes, you can book a combined Confucius and Mencius session of three hours in total, "
                        "50 yuan cheaper than booking both separately."
                    ),
                },
            },
            {
                "q": {"zh": "适合学校班级活动吗？", "en": "Is it suitable for a school class?"},
                "a": {
                    "zh": "本服务面向家庭和小型聚会，人数较多的班级活动请联系客服单独安排。",
                    "en": (
                        "This service is designed for families and small gatherings. For larger class "
                        "activities, please contact customer service to make separate arrangements."
                    ),
                },
            },
        ],
        "theme": "mencius",
        "host": {
            "zh": "邹城本地文化讲师，长期从事孟庙、孟府讲解和传统文化进社区活动",
            "en": (
                "A culture lecturer from Zoucheng with many years of guiding at the Temple and Mansion of "
                "Mencius and running traditional culture events in local communities"
            ),
        },
        "group_size_min": 1,
        "group_size_max": 12,
        "what_to_prepare": {
            "zh": (
                "准备一处安静、可以围坐的空间即可。讲师会带来故事图卡和讲义，孩子可以准备纸笔，"
                "记下自己最喜欢的一句话。"
            ),
            "en": (
                "All you need is a quiet space where everyone can sit together. The lecturer brings picture "
                "cards and handouts; children may like to have paper and a pen to write down their favourite "
                "saying."
            ),
        },
    },
    {
        "slug": "lu-brocade-weaving-workshop",
        "title": {"zh": "鲁锦织造体验", "en": "Lu brocade weaving workshop"},
        "summary": {
            "zh": "鲁锦手艺人带着小型织机上门，讲解从纺线到织布的传统工艺，每人织一条鲁锦杯垫或书签带回家。",
            "en": (
                "A Lu brocade weaver brings a small loom to your home, explains the traditional process from "
                "spinning to weaving, and helps each person weave a Lu brocade coaster or bookmark to keep."
            ),
        },
        "body": [
            {
                "zh": (
                    "鲁锦是鲁西南地区流传已久的纯棉手工提花织物，色彩鲜艳、纹样丰富，"
                    "过去是当地姑娘出嫁时的重要嫁妆，鲁锦织造技艺已被列入非物质文化遗产名录。"
                    "手艺人会展示不同纹样的鲁锦实物，讲解其中的寓意。"
                ),
                "en": (
                    "Lu brocade is a hand-woven cotton jacquard cloth with a long history in south-western "
                    "Shandong, known for bright colours and rich patterns. It was once an important part of "
                    "a local bride's dowry, and the craft of Lu brocade weaving is listed as intangible "
                    "cultural heritage. The weaver shows pieces with different patterns and explains what "
                    "they symbolise."
                ),
            },
            {
                "zh": (
                    "体验部分使用便携式小织机，手艺人提前上好经线，参与者学习投梭、打纬和换色，"
                    "在一个半小时内织出一条简单的方格或斜纹图案。"
                ),
                "en": (
                    "For the hands-on part, the weaver brings portable looms already warped, and "
                    "participants learn to pass the shuttle, beat the weft and change colours, weaving a "
                    "simple check or twill pattern in about an hour and a half."
                ),
            },
        ],
        "price": "328.00",
        "unit": "visit",
        "duration_minutes": 120,
        "districts": ["370829", "370811", "370828", "370827", "370832", "370830"],
        "qualifications": ["intangible_heritage_inheritor"],
        "faq": [
            {
                "q": {"zh": "价格是每人还是每场？", "en": "Is the price per person or per session?"},
                "a": {
                    "zh": "价格为每场，含2人份材料，每增加1人加收60元材料费。",
                    "en": (
                        "It is per session and includes materials for two people; each additional "
                        "participant adds a 60-yuan materials fee."
                    ),
                },
            },
            {
                "q": {"zh": "织到一半没完成怎么办？", "en": "What if a piece is not finished in time?"},
                "a": {
                    "zh": "手艺人会帮您完成收尾，并教您如何在家继续织完。",
                    "en": "The weaver will help finish it off and show you how to complete it at home.",
                },
            },
        ],
        "theme": "lu_brocade",
        "host": {
            "zh": "嘉祥的鲁锦织造技艺传承人，从事鲁锦织造二十余年",
            "en": (
                "A recognised inheritor of Lu brocade weaving from Jiaxiang, with more than twenty years at "
                "the loom"
            ),
        },
        "group_size_min": 1,
        "group_size_max": 6,
        "what_to_prepare": {
            "zh": (
                "请准备一张结实的桌子和几把椅子，每台小织机约需半张书桌大小的位置。"
                "光线充足的位置更方便看清纱线。"
            ),
            "en": (
                "Please have a sturdy table and some chairs ready; each small loom needs about half a desk's "
                "worth of space. A well-lit spot makes the threads easier to see."
            ),
        },
    },
    {
        "slug": "jiaxiang-stone-carving-workshop",
        "title": {
            "zh": "嘉祥石雕体验：汉画像石小浮雕",
            "en": "Jiaxiang stone carving: a small Han-style relief",
        },
        "summary": {
            "zh": "嘉祥石雕艺人上门，介绍武氏祠汉画像石，指导每人在小石板上雕刻一幅简单的浅浮雕。",
            "en": (
                "A Jiaxiang stone carver introduces the Han-dynasty reliefs of the Wu Family Shrines and "
                "guides each person in carving a simple low relief on a small stone tablet."
            ),
        },
        "body": [
            {
                "zh": (
                    "嘉祥素有“石雕之乡”之称，嘉祥石雕是非物质文化遗产，武氏祠的汉代画像石是中国古代石刻艺术的"
                    "代表。艺人会通过图片和拓片，讲解画像石中的车马出行、历史故事和神话图案。"
                ),
                "en": (
                    "Jiaxiang has long been known as a home of stone carving, a craft recognised as "
                    "intangible cultural heritage, and the Han-dynasty pictorial stones of the Wu Family "
                    "Shrines are landmarks of ancient Chinese stone art. Using photographs and rubbings, the "
                    "carver explains the processions of chariots and horses, historical tales and "
                    "mythological figures they depict."
                ),
            },
            {
                "zh": (
                    "体验使用质地较软的小石板和手工刻刀，艺人提前在石板上描好线稿，参与者学习握刀、"
                    "走刀和铲底，雕出一幅小浮雕。全程佩戴护目镜和防尘口罩，并铺设防尘布。"
                ),
                "en": (
                    "The workshop uses small tablets of softer stone and hand chisels. The carver draws the "
                    "outline on each tablet beforehand, and participants learn how to hold and guide the "
                    "chisel and cut back the background to create a small relief. Everyone wears safety "
                    "glasses and a dust mask, and dust sheets are laid down."
                ),
            },
        ],
        "price": "368.00",
        "unit": "visit",
        "duration_minutes": 150,
        "districts": ["370829", "370811", "370828", "370830"],
        "qualifications": ["intangible_heritage_inheritor"],
        "faq": [
            {
                "q": {
                    "zh": "在家里雕石头会很吵、很脏吗？",
                    "en": "Will carving stone indoors be noisy and messy?",
                },
                "a": {
                    "zh": (
                        "只使用手工刻刀，不使用电动工具，声音不大。会产生少量石粉，建议在阳台或院子进行，"
                        "艺人结束后负责清理。"
                    ),
                    "en": (
                        "Only hand tools are used, never power tools, so it is not loud. There is some stone "
                        "dust, so a balcony or courtyard is best, and the carver cleans up afterwards."
                    ),
                },
            },
            {
                "q": {"zh": "孩子可以参加吗？", "en": "Can children take part?"},
                "a": {
                    "zh": "10岁以上的孩子可以在家长陪同下参加，艺人会全程指导刻刀的安全使用。",
                    "en": (
                        "Children aged ten and over can join with a parent, and the carver supervises safe "
                        "use of the chisels throughout."
                    ),
                },
            },
        ],
        "theme": "stone_carving",
        "host": {
            "zh": "嘉祥石雕技艺传承人，从业多年，擅长汉画像石风格的浮雕创作",
            "en": (
                "A recognised inheritor of Jiaxiang stone carving who specialises in reliefs in the style of "
                "Han-dynasty pictorial stones"
            ),
        },
        "group_size_min": 1,
        "group_size_max": 4,
        "what_to_prepare": {
            "zh": (
                "请准备阳台、院子或可以铺防尘布的房间，以及一张结实的桌子。参与者请穿着不怕弄脏的衣服，"
                "长发请扎起。"
            ),
            "en": (
                "Please set aside a balcony, courtyard or a room where dust sheets can be laid, plus a "
                "sturdy table. Participants should wear clothes they do not mind getting dusty and tie back "
                "long hair."
            ),
        },
    },
    {
        "slug": "kaimu-wood-carving-workshop",
        "title": {"zh": "曲阜楷木雕刻体验", "en": "Qufu kaimu wood carving workshop"},
        "summary": {
            "zh": "楷木雕刻艺人上门，讲述楷木与孔林的传说，指导每人雕刻一枚楷木书签或小挂件。",
            "en": (
                "A kaimu carver tells the legends linking kaimu wood with the Cemetery of Confucius and "
                "guides each person in carving a kaimu bookmark or small pendant."
            ),
        },
        "body": [
            {
                "zh": (
                    "楷木即黄连木，木质坚韧、纹理细密。相传孔子弟子子贡在孔林为老师守墓时亲手种下楷树，"
                    "曲阜的楷木雕刻因此带有尊师重道的寓意，传统作品以楷木如意和手杖最为有名。"
                ),
                "en": (
                    "Kaimu is the wood of the Chinese pistache, tough and finely grained. Legend has it that "
                    "Zigong, a disciple of Confucius, planted a pistache tree by hand while keeping vigil at "
                    "his teacher's tomb in the Cemetery of Confucius, so Qufu kaimu carving carries a "
                    "meaning of reverence for teachers. Its best-known traditional pieces are ruyi sceptres "
                    "and walking sticks."
                ),
            },
            {
                "zh": (
                    "体验使用预先切好的楷木小木片，参与者学习用刻刀刻出简单的云纹或文字，再打磨上蜡，"
                    "做成书签或挂件，作品可以带回家留念。"
                ),
                "en": (
                    "Participants work on small pre-cut pieces of kaimu, learning to carve a simple cloud "
                    "pattern or a character, then sand and wax it into a bookmark or pendant to take home."
                ),
            },
        ],
        "price": "298.00",
        "unit": "visit",
        "duration_minutes": 120,
        "districts": ["370881", "370811", "370812", "370831", "370883"],
        "qualifications": ["intangible_heritage_inheritor"],
        "faq": [
            {
                "q": {"zh": "刻刀会不会有危险？", "en": "Are the carving knives dangerous?"},
                "a": {
                    "zh": "艺人会提供防割手套，并先讲解安全握刀方法，孩子需在家长陪同下操作。",
                    "en": (
                        "The carver provides cut-resistant gloves and first shows how to hold the knife "
                        "safely; children must work with a parent beside them."
                    ),
                },
            },
            {
                "q": {"zh": "可以刻上名字吗？", "en": "Can we carve our names?"},
                "a": {
                    "zh": "可以，艺人会帮您把名字或一句《论语》描在木片上，再指导您刻出来。",
                    "en": (
                        "Yes. The carver will draw your name or a line from the Analects on the wood and "
                        "guide you as you carve it."
                    ),
                },
            },
        ],
        "theme": "kaimu_carving",
        "host": {
            "zh": "曲阜楷木雕刻技艺传承人，擅长楷木如意和小件雕刻，多年参与传统手工艺进校园活动",
            "en": (
                "A recognised inheritor of Qufu kaimu carving, skilled in ruyi sceptres and small carvings, "
                "who has taken the craft into schools for many years"
            ),
        },
        "group_size_min": 1,
        "group_size_max": 6,
        "what_to_prepare": {
            "zh": "请准备一张桌面平整、可以放工具的桌子，以及充足的照明。木屑很少，普通客厅即可。",
            "en": (
                "Please have a flat table with room for tools, and good lighting. There is very little "
                "sawdust, so an ordinary living room is fine."
            ),
        },
    },
    {
        "slug": "nishan-inkstone-workshop",
        "title": {"zh": "尼山砚制作体验", "en": "Nishan inkstone making workshop"},
        "summary": {
            "zh": "制砚艺人带着尼山石砚坯上门，讲解尼山砚的石材与制作，指导每人打磨一方小砚并试墨。",
            "en": (
                "An inkstone maker brings blanks of Nishan stone to your home, explains the stone and how "
                "Nishan inkstones are made, and guides each person in finishing a small inkstone and trying "
                "it out with ink."
            ),
        },
        "body": [
            {
                "zh": (
                    "尼山是孔子的出生地，尼山砚取材于尼山一带的砚石，石质细腻、发墨好。"
                    "艺人会带来不同纹理的砚台，讲解如何辨认石材、如何研墨和养护砚台。"
                ),
                "en": (
                    "Mount Ni is the birthplace of Confucius, and Nishan inkstones are made from stone "
                    "quarried in the area, fine-grained and good at producing ink. The maker brings "
                    "inkstones with different markings and explains how to recognise the stone, grind ink "
                    "and look after an inkstone."
                ),
            },
            {
                "zh": (
                    "体验环节使用已经开好砚堂的小砚坯，参与者学习用砂纸和磨石逐级打磨，"
                    "在砚边刻一圈简单的边线，最后上蜡并研墨试写。"
                ),
                "en": (
                    "In the hands-on part, participants work on small blanks with the grinding well already "
                    "cut, smoothing them with progressively finer sandpaper and whetstones, carving a simple "
                    "border line around the edge, then waxing the stone and grinding ink to try it out."
                ),
            },
        ],
        "price": "358.00",
        "unit": "visit",
        "duration_minutes": 150,
        "districts": ["370881", "370831", "370883", "370811"],
        "qualifications": ["intangible_heritage_inheritor"],
        "faq": [
            {
                "q": {"zh": "做好的砚台可以带走吗？", "en": "Can we keep the inkstone?"},
                "a": {
                    "zh": "可以，每位参与者带走自己完成的小砚，并附赠一块墨锭。",
                    "en": "Yes, each participant keeps the inkstone they finished, along with an ink stick.",
                },
            },
            {
                "q": {"zh": "不会写毛笔字也能参加吗？", "en": "Do I need to know calligraphy?"},
                "a": {
                    "zh": "不需要。试墨环节艺人会教简单的握笔和写字方法，重在体验。",
                    "en": (
                        "No. When trying out the ink, the maker teaches a simple way to hold the brush and "
                        "write a few strokes; the point is to enjoy it."
                    ),
                },
            },
        ],
        "theme": "nishan_inkstone",
        "host": {
            "zh": "尼山砚制作技艺传承人，从事尼山砚雕刻多年，熟悉尼山砚石的开采与鉴别",
            "en": (
                "A recognised inheritor of Nishan inkstone making from Qufu, with years of experience "
                "carving inkstones and a good knowledge of how the stone is quarried and judged"
            ),
        },
        "group_size_min": 1,
        "group_size_max": 6,
        "what_to_prepare": {
            "zh": (
                "打磨需要用水，请准备一张可以铺防水布的桌子，并在附近准备一个水盆。艺人自带砚坯、砂纸、刻刀、"
                "墨锭和毛笔。"
            ),
            "en": (
                "Grinding uses water, so please have a table that can be covered with a waterproof sheet and "
                "a basin of water nearby. The maker brings the blanks, sandpaper, carving tools, ink sticks "
                "and brushes."
            ),
        },
    },
    {
        "slug": "han-relief-rubbing-workshop",
        "title": {"zh": "拓印体验：汉画像石拓片", "en": "Rubbing workshop: Han-dynasty relief prints"},
        "summary": {
            "zh": "拓印师带着汉画像石复制石板上门，教全家用传统湿拓法拓出一张汉画像拓片，装裱成小画带回家。",
            "en": (
                "A rubbing specialist brings replica Han-dynasty relief panels and teaches the whole family "
                "to take a traditional wet rubbing, mounted as a small picture to keep."
            ),
        },
        "body": [
            {
                "zh": (
                    "拓印是把碑刻和画像石上的图文转移到纸上的传统技艺，济宁的汉碑和汉画像石数量众多，"
                    "拓片是研究和欣赏它们的重要方式。拓印师会展示几幅拓片，讲解画面内容。"
                ),
                "en": (
                    "Rubbing is the traditional technique of transferring the images and inscriptions on "
                    "steles and pictorial stones onto paper. Jining has a wealth of Han-dynasty steles and "
                    "reliefs, and rubbings are an important way to study and enjoy them. The specialist "
                    "shows several rubbings and explains what they depict."
                ),
            },
            {
                "zh": (
                    "体验使用专门制作的复制石板，绝不在真实文物上操作。参与者学习上纸、刷水、"
                    "捶打和用拓包上墨，完成一张拓片后，由拓印师指导做简单的卡纸装裱。"
                ),
                "en": (
                    "The workshop uses purpose-made replica panels and never real cultural relics. "
                    "Participants learn to lay the paper, brush it with water, tap it into the carving and "
                    "apply ink with a rubbing pad, then mount their finished print in a simple card frame "
                    "under the specialist's guidance."
                ),
            },
        ],
        "price": "258.00",
        "unit": "visit",
        "duration_minutes": 120,
        "districts": "all",
        "qualifications": ["intangible_heritage_inheritor"],
        "faq": [
            {
                "q": {
                    "zh": "可以去景区拓真碑吗？",
                    "en": "Can we make rubbings of real steles at heritage sites?",
                },
                "a": {
                    "zh": "不可以。私自拓印文物会损害文物，也违反文物保护规定，本体验只使用复制石板。",
                    "en": (
                        "No. Unauthorised rubbing damages cultural relics and breaches heritage protection "
                        "rules, so this workshop uses replica panels only."
                    ),
                },
            },
            {
                "q": {"zh": "墨汁会弄脏家具吗？", "en": "Will the ink stain furniture?"},
                "a": {
                    "zh": "拓印师会铺设防污垫布，并为参与者准备袖套和围裙。",
                    "en": (
                        "The specialist lays protective cloths and provides sleeve covers and aprons for "
                        "everyone."
                    ),
                },
            },
        ],
        "theme": "rubbing",
        "host": {
            "zh": "拓印技艺传承人，长期从事碑刻拓印和汉画像石拓片制作",
            "en": (
                "An inheritor of the rubbing craft with long experience making rubbings of steles and "
                "Han-dynasty pictorial stones"
            ),
        },
        "group_size_min": 1,
        "group_size_max": 8,
        "what_to_prepare": {
            "zh": (
                "请准备一张较大的桌子和一处可以晾干拓片的位置。拓印师自带复制石板、宣纸、拓包、墨和装裱卡纸。"
            ),
            "en": (
                "Please have a large table and somewhere to leave the prints to dry. The specialist brings "
                "the replica panels, xuan paper, rubbing pads, ink and mounting card."
            ),
        },
    },
]

STANDARD_PAGES = [
    {
        "slug": "service-guarantee",
        "title": {"zh": "服务保障", "en": "Service guarantee"},
        "body": [
            {
                "zh": (
                    "实名认证、持证上岗：所有服务人员入驻前均须完成身份证实名认证和人脸核验，"
                    "提交无犯罪记录证明，并上传与所提供服务相符的职业资格证书、健康证等材料，"
                    "经平台人工审核通过后方可接单。证书信息公开展示在服务人员资料页上。"
                ),
                "en": (
                    "Verified and certified: before taking any orders, every provider completes ID card "
                    "verification and a face check, supplies a certificate of no criminal record, and "
                    "uploads the professional qualifications and health certificate relevant to their "
                    "services, all reviewed by our staff. Certificate details are shown publicly on each "
                    "provider's profile."
                ),
            },
            {
                "zh": (
                    "明码标价、先看后修：服务页面标示的价格即为服务费用，材料、配件和食材等另计费用须当面报价"
                    "并经您确认，票据上传至订单。服务人员不得私下加价或索要小费，也不得上门推销。"
                ),
                "en": (
                    "Clear prices, quote before work: the price on the service page is what the service "
                    "costs. Materials, parts and ingredients charged on top must be quoted in person and "
                    "approved by you, with receipts uploaded to the order. Providers may not add charges "
                    "privately, ask for tips or sell products during a visit."
                ),
            },
            {
                "zh": (
                    "不满意可返工：保洁类服务完成后24小时内不满意，可申请免费返工；"
                    "维修类服务的维修部位保修90天，保修期内同一故障免费返修。"
                ),
                "en": (
                    "Redo if you are not satisfied: if you are unhappy with a cleaning service, you may "
                    "request a free re-clean within 24 hours. Repairs are guaranteed for 90 days, and the "
                    "same fault is fixed again free of charge within that period."
                ),
            },
            {
                "zh": (
                    "财产损失先行赔付：服务过程中因服务人员原因造成您的财物损坏，经核实后由平台先行赔付，"
                    "单笔订单最高赔付5000元，平台再向责任方追偿。平台已为服务人员投保意外险和第三者责任险。"
                ),
                "en": (
                    "Compensation first: if a provider damages your property during a service, the platform "
                    "compensates you once the claim is verified, up to 5,000 yuan per order, and then "
                    "recovers the cost from the party responsible. The platform insures all providers "
                    "against accidents and third-party liability."
                ),
            },
            {
                "zh": (
                    "全程可追溯、投诉快速响应：服务人员到达、开始和结束时均需在订单中签到，重要节点拍照留存。"
                    "如遇问题，可在订单中一键投诉或拨打客服热线，客服在每天8:00至22:00期间2小时内响应，"
                    "紧急安全问题请立即拨打110或120。"
                ),
                "en": (
                    "Traceable from start to finish, with fast complaint handling: providers check in "
                    "through the order when they arrive, start and finish, and photograph key stages of the "
                    "work. If something goes wrong you can complain with one tap in the order or call our "
                    "hotline; between 8:00 and 22:00 every day customer service responds within 2 hours. In "
                    "an emergency that threatens safety, call 110 or 120 immediately."
                ),
            },
        ],
    },
    {
        "slug": "user-agreement",
        "title": {"zh": "用户协议", "en": "User agreement"},
        "body": [
            {
                "zh": (
                    "欢迎使用济宁上门。本协议是您与平台运营方之间关于使用本平台服务的约定。您注册账号或下单，"
                    "即表示已阅读并同意本协议。平台作为信息服务和交易撮合方，为您与服务人员之间的服务约定提供"
                    "预约、支付、评价和纠纷处理等支持。"
                ),
                "en": (
                    "Welcome to Shangmen Jining. This agreement sets out the terms between you and the "
                    "operator of the platform for using its services. By registering an account or placing "
                    "an order, you confirm that you have read and accept it. The platform acts as an "
                    "information service and intermediary, supporting the arrangement between you and "
                    "providers with booking, payment, reviews and dispute handling."
                ),
            },
            {
                "zh": (
                    "账号与信息：您应使用本人手机号注册，提供真实、准确的服务地址和联系方式，"
                    "妥善保管账号和验证码。为他人预约服务（例如为父母预约养老护理）时，应事先取得对方同意。"
                ),
                "en": (
                    "Your account and information: you should register with your own mobile number, give a "
                    "true and accurate service address and contact details, and keep your account and "
                    "verification codes safe. When booking for someone else, for example elderly care for "
                    "your parents, you must have their agreement first."
                ),
            },
            {
                "zh": (
                    "预约、支付与取消：订单价格以下单时页面显示为准，在线支付后订单生效。"
                    "改约和取消按各服务分类页面公布的取消政策执行，退款原路退回，一般在1至7个工作日内到账。"
                ),
                "en": (
                    "Booking, payment and cancellation: the order price is the one shown on the page when "
                    "you book, and the order takes effect once paid online. Rescheduling and cancellation "
                    "follow the cancellation policy published on each category page. Refunds are returned to "
                    "the original payment method, usually within one to seven working days."
                ),
            },
            {
                "zh": (
                    "双方的行为规范：请为服务人员提供安全的工作环境，尊重其人格和劳动；"
                    "不得要求服务人员从事超出订单范围、违法或危险的工作，例如无资质的高空作业或处方外的医疗操"
                    "作。服务人员如遇人身安全威胁，有权中止服务。"
                ),
                "en": (
                    "Conduct on both sides: please provide providers with a safe place to work and treat "
                    "them and their work with respect. Do not ask them to do anything beyond the order, "
                    "illegal or dangerous, such as unqualified work at height or medical procedures without "
                    "a prescription. Providers may stop the service if their personal safety is threatened."
                ),
            },
            {
                "zh": (
                    "责任与争议解决：因服务质量或财产损失产生的纠纷，平台依照《服务保障》的规定协助处理和先行"
                    "赔付。本协议适用中华人民共和国法律，协商不成的，任何一方可向平台运营方所在地济宁市有管辖"
                    "权的人民法院提起诉讼。"
                ),
                "en": (
                    "Liability and disputes: disputes over service quality or damage to property are "
                    "handled, and compensation paid in advance, in line with our Service guarantee. This "
                    "agreement is governed by the laws of the People's Republic of China. If a dispute "
                    "cannot be settled by negotiation, either party may bring proceedings before the "
                    "competent people's court in Jining, where the platform operator is located."
                ),
            },
        ],
    },
    {
        "slug": "privacy-policy",
        "title": {"zh": "隐私政策", "en": "Privacy policy"},
        "body": [
            {
                "zh": (
                    "我们依照《中华人民共和国个人信息保护法》，坚持合法、正当、必要和诚信原则处理您的个人信息"
                    "。我们只收集完成服务所必需的信息：手机号、服务地址、预约时间，"
                    "以及在您选择医疗护理或养老护理服务时，与服务直接相关的健康信息。"
                ),
                "en": (
                    "We process your personal information in line with the Personal Information Protection "
                    "Law of the People's Republic of China, following the principles of lawfulness, "
                    "legitimacy, necessity and good faith. We collect only what is needed to deliver the "
                    "service: your mobile number, service address and appointment time, plus, if you choose "
                    "home nursing or elderly care, health information directly relevant to that service."
                ),
            },
            {
                "zh": (
                    "处方、病历和健康状况属于敏感个人信息，我们会在收集前单独征得您的同意，"
                    "仅向承接订单的护士或护理员开放，服务结束后按规定期限保存并删除。为他人预约时，"
                    "请确保已取得本人或其监护人的同意；不满十四周岁未成年人的个人信息，"
                    "须经其父母或其他监护人同意。"
                ),
                "en": (
                    "Prescriptions, medical records and health conditions are sensitive personal "
                    "information. We ask for your separate consent before collecting them, show them only to "
                    "the nurse or carer who takes the order, and keep them only for the required period "
                    "after the service before deleting them. When booking for someone else, make sure you "
                    "have the consent of that person or their guardian; personal information of children "
                    "under fourteen requires the consent of a parent or other guardian."
                ),
            },
            {
                "zh": (
                    "我们对个人信息采取加密存储和加密传输，对外展示时进行去标识化处理："
                    "服务人员看到的手机号为隐私号码，地址在接单前只显示到小区，姓名和证件号码在后台界面中部分"
                    "遮挡显示。"
                ),
                "en": (
                    "Personal information is encrypted in storage and in transit, and de-identified wherever "
                    "it is displayed: providers see a masked relay phone number, see only the residential "
                    "estate until they accept an order, and names and ID numbers are partly masked in staff "
                    "screens."
                ),
            },
            {
                "zh": (
                    "平台内部实行最小权限管理，员工只能访问岗位所需的信息，所有查看和导出个人信息的操作均记录"
                    "访问日志，并定期审计。我们不会出售您的个人信息，除法律法规规定外，不会向第三方提供。"
                ),
                "en": (
                    "Inside the company, access follows the principle of least privilege: staff can see only "
                    "what their role requires, every view or export of personal information is recorded in "
                    "an access log, and the logs are audited regularly. We never sell your personal "
                    "information and do not share it with third parties except where laws and regulations "
                    "require."
                ),
            },
            {
                "zh": (
                    "您有权查阅、复制、更正、删除您的个人信息，撤回同意或注销账号，可以在“我的-隐私设置”"
                    "中操作，也可以联系客服，我们将在15个工作日内处理。如对个人信息处理有任何疑问或投诉，"
                    "可以联系我们的个人信息保护负责人。"
                ),
                "en": (
                    "You have the right to access, copy, correct and delete your personal information, to "
                    "withdraw consent and to close your account. You can do this under Me, Privacy settings, "
                    "or by contacting customer service, and we will deal with your request within 15 working "
                    "days. For any question or complaint about how your personal information is handled, you "
                    "can contact our personal information protection officer."
                ),
            },
        ],
    },
]
